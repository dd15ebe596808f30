package dev.ainfo.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.assistant.AnswerQualitySample.Slot;
import dev.ainfo.assistant.AnswerQualitySet.Item;
import dev.ainfo.assistant.AnswerQualitySet.Turn;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed answer-quality set is complete, reproducible from its seeded sample, and split evenly. */
class AnswerQualitySetTest {

    static final AnswerQualitySet SET = AnswerQualitySet.load();

    @Test
    void theSetHasTheSizeTheIssueAsksFor() {
        assertTrue(SET.items().size() >= 250, "items: " + SET.items().size());
        assertTrue(count("conversation") >= 40);
        assertTrue(count("english") >= 40);
        assertTrue(count("unanswerable") >= 30);
        SET.items().stream().filter(i -> i.kind().equals("conversation"))
                .forEach(i -> assertEquals(3, i.turns().size(), i.id()));
        SET.items().stream().filter(i -> !i.kind().equals("conversation"))
                .forEach(i -> assertEquals(1, i.turns().size(), i.id()));
    }

    @Test
    void sampledItemsAreExactlyTheSeededSample() {
        Map<String, Item> byId = SET.items().stream().collect(Collectors.toMap(Item::id, Function.identity()));
        List<Slot> slots = AnswerQualitySample.draw();
        assertEquals(slots.size(), SET.items().stream().filter(i -> i.seed() != null).count());
        for (Slot slot : slots) {
            Item item = byId.get(String.format("q%03d", slot.number()));
            assertEquals(slot.policyId(), item.seed(), item.id());
            assertEquals(slot.kind(), item.kind(), item.id());
            assertEquals(slot.split(), item.split(), item.id());
        }
    }

    @Test
    void everyKindIsSplitInHalves() {
        for (String kind : List.of("single", "conversation", "english", "unanswerable")) {
            long dev = SET.items().stream().filter(i -> i.kind().equals(kind) && i.split().equals("dev")).count();
            long heldout = SET.items().stream().filter(i -> i.kind().equals(kind) && i.split().equals("heldout")).count();
            assertTrue(Math.abs(dev - heldout) <= 1, kind + ": " + dev + " dev, " + heldout + " held out");
            assertEquals(count(kind), dev + heldout, kind + " items outside dev and heldout");
        }
    }

    @Test
    void labelsNameRecordsOfTheShippedCorpus() {
        Set<String> ids = AnswerQualitySample.corpus().stream().map(p -> p.path("id").asText()).collect(Collectors.toSet());
        for (Item item : SET.items()) {
            for (Turn turn : item.turns()) {
                assertTrue(ids.containsAll(turn.answers()), item.id() + " " + turn.answers());
                assertTrue(ids.containsAll(turn.older()), item.id() + " " + turn.older());
                assertFalse(turn.answers().stream().anyMatch(turn.older()::contains), item.id() + ": a record both right and older");
                assertFalse(turn.ask().isBlank(), item.id());
            }
            assertEquals(item.kind().equals("unanswerable"), !item.turns().get(0).answerable(), item.id());
        }
    }

    private static long count(String kind) {
        return SET.items().stream().filter(i -> i.kind().equals(kind)).count();
    }
}
