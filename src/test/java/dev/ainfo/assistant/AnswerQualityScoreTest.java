package dev.ainfo.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.assistant.AnswerQualitySet.Item;
import dev.ainfo.assistant.AnswerQualitySet.Turn;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerQualityScoreTest {

    static final Turn RENT = new Turn("월세 지원 있어요?", Set.of("new"), Set.of("old"));
    static final Turn WEATHER = new Turn("내일 날씨 어때요?", Set.of(), Set.of());

    @Test
    void firstAndSomeSourceAreJudgedInOrder() {
        AnswerQualityScore score = new AnswerQualityScore();
        Item item = new Item("q1", "dev", "single", "new", List.of(RENT));
        score.record(item, 0, List.of("new", "x"));
        score.record(item, 0, List.of("x", "new"));
        score.record(item, 0, List.of("x", "y"));
        AnswerQualityScore.Tally single = score.tally("dev", "single");
        assertEquals(3, single.asked());
        assertEquals(1, single.firstRight());
        assertEquals(2, single.someRight());
        assertEquals(0, single.declined());
        assertEquals(3, score.tally("dev", "all answerable").asked());
    }

    @Test
    void noSourcesIsADeclineWhichIsRightOnlyForUnanswerableQuestions() {
        AnswerQualityScore score = new AnswerQualityScore();
        score.record(new Item("q1", "heldout", "single", "new", List.of(RENT)), 0, List.of());
        score.record(new Item("u1", "heldout", "unanswerable", null, List.of(WEATHER)), 0, List.of());
        score.record(new Item("u2", "heldout", "unanswerable", null, List.of(WEATHER)), 0, List.of("new"));
        assertEquals(1, score.tally("heldout", "all answerable").declined());
        assertEquals(0, score.tally("heldout", "all answerable").someRight());
        assertEquals(2, score.tally("heldout", "unanswerable").asked());
        assertEquals(1, score.tally("heldout", "unanswerable").declined());
    }

    @Test
    void anOlderRegistrationFirstIsCountedApartAndNotRight() {
        AnswerQualityScore score = new AnswerQualityScore();
        score.record(new Item("q1", "dev", "english", "new", List.of(RENT)), 0, List.of("old", "new"));
        AnswerQualityScore.Tally english = score.tally("dev", "english");
        assertEquals(0, english.firstRight());
        assertEquals(1, english.olderFirst());
        assertEquals(1, english.someRight());
    }

    @Test
    void followUpTurnsHaveTheirOwnRow() {
        AnswerQualityScore score = new AnswerQualityScore();
        Item conversation = new Item("q2", "dev", "conversation", "new", List.of(RENT, RENT, RENT));
        score.record(conversation, 0, List.of("new"));
        score.record(conversation, 1, List.of("x"));
        score.record(conversation, 2, List.of("new"));
        assertEquals(1, score.tally("dev", "conversation, 1st turn").asked());
        assertEquals(2, score.tally("dev", "follow-up (2nd, 3rd turn)").asked());
        assertEquals(1, score.tally("dev", "follow-up (2nd, 3rd turn)").firstRight());
        String report = score.markdown();
        assertTrue(report.contains("| follow-up (2nd, 3rd turn) | 2 | 50 % (1) |"), report);
        assertTrue(report.contains("### Targets of issue 13"), report);
    }
}
