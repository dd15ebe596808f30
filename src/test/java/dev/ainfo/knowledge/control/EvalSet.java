package dev.ainfo.knowledge.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The hand-labelled questions in src/test/resources/knowledge/eval.tsv. */
record EvalSet(List<Item> items) {

    record Item(String kind, String language, String question, Set<String> gold, String previous) {
        boolean answerable() {
            return !gold.isEmpty();
        }
    }

    static EvalSet load() {
        try (InputStream in = EvalSet.class.getClassLoader().getResourceAsStream("knowledge/eval.tsv")) {
            List<Item> items = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                Set<String> gold = Arrays.stream(f[3].split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
                items.add(new Item(f[0], f[1], f[2], gold, f.length > 4 && !f[4].isBlank() ? f[4] : null));
            }
            return new EvalSet(items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
