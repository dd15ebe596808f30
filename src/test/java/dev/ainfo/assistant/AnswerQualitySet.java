package dev.ainfo.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The answer-quality questions in src/test/resources/eval/questions.jsonl (how they were built:
 * docs/evaluation.md). One line per item: a single question, a three-turn conversation, an
 * English question, or an unanswerable one; each turn lists every record that answers it.
 */
public record AnswerQualitySet(List<Item> items) {

    public static final String RESOURCE = "eval/questions.jsonl";

    /** One asked turn: the records that answer it (empty = nothing fits, decline) and older registrations of them. */
    public record Turn(String ask, Set<String> answers, Set<String> older) {
        public boolean answerable() {
            return !answers.isEmpty();
        }
    }

    /** kind: single, conversation, english or unanswerable; split: dev or heldout. */
    public record Item(String id, String split, String kind, String seed, List<Turn> turns) {
    }

    public static AnswerQualitySet load() {
        try (InputStream in = AnswerQualitySet.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AnswerQualitySet parse(InputStream in) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            List<Turn> turns = new ArrayList<>();
            for (JsonNode turn : node.path("turns")) {
                turns.add(new Turn(turn.path("ask").asText(), strings(turn.path("answers")), strings(turn.path("older"))));
            }
            items.add(new Item(node.path("id").asText(), node.path("split").asText(), node.path("kind").asText(),
                    node.path("seed").isNull() ? null : node.path("seed").asText(null), List.copyOf(turns)));
        }
        return new AnswerQualitySet(List.copyOf(items));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return Set.copyOf(values);
    }
}
