package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** knowledge/nori-compounds.txt is what the shipped corpus gives, and the analyzer keeps those compounds whole. */
class CompoundsTest {

    private static final Pattern WORD = Pattern.compile("[가-힣]{3,}");
    private static final int MIN_RECORDS = 10;

    /** The derivation the file's header describes, with the dictionary it extends (not itself). */
    static List<String> derive(List<Policy> corpus) {
        Map<String, Set<String>> records = new TreeMap<>();
        for (Policy p : corpus) {
            Matcher m = WORD.matcher(p.title() + " " + String.join(" ", p.keywords()));
            while (m.find()) {
                records.computeIfAbsent(m.group(), k -> new HashSet<>()).add(p.id());
            }
        }
        var base = KoreanText.userDictionary(false);
        Analyzer all = KoreanText.analyzer(base);
        Analyzer nouns = KoreanText.nouns(base);
        List<String> entries = new ArrayList<>();
        records.forEach((word, ids) -> {
            if (ids.size() < MIN_RECORDS) {
                return;
            }
            List<String> parts = KoreanText.terms(all, word);
            if (parts.size() >= 2 && parts.equals(KoreanText.terms(nouns, word)) && String.join("", parts).equals(word)
                    && parts.stream().allMatch(t -> t.length() >= 2)) {
                String entry = word + " " + String.join(" ", parts);
                if (onlyAdds(entry, records.keySet(), all)) {
                    entries.add(entry);
                }
            }
        });
        return entries;
    }

    /**
     * Whether the compound only adds itself to the words written with it: kept whole inside a longer word, it
     * must not take a term the word had (청년희망 would cut 희망적금, a listed word, out of 청년희망적금).
     */
    private static boolean onlyAdds(String entry, Set<String> written, Analyzer base) {
        String compound = entry.substring(0, entry.indexOf(' '));
        Analyzer with;
        try {
            with = KoreanText.analyzer(org.apache.lucene.analysis.ko.dict.UserDictionary.open(new java.io.StringReader(
                    KoreanText.resource("knowledge/nori-userdict.txt") + "\n" + KoreanText.districtEntries() + "\n" + entry)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return written.stream().filter(w -> w.length() > compound.length() && w.contains(compound))
                .allMatch(w -> KoreanText.terms(with, w).containsAll(KoreanText.terms(base, w)));
    }

    private static List<String> shipped() throws IOException {
        try (InputStream in = CompoundsTest.class.getClassLoader().getResourceAsStream(KoreanText.COMPOUNDS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void theFileIsWhatTheCorpusGives() throws IOException {
        assertEquals(derive(Corpus.shipped()), shipped(),
                "regenerate knowledge/nori-compounds.txt from CompoundsTest.derive(Corpus.shipped()): "
                        + String.join("\n", derive(Corpus.shipped())));
    }

    @Test
    void aCompoundTheRecordsWriteIsKeptWholeAndSplit() throws IOException {
        assertTrue(shipped().contains("청년센터 청년 센터"));
        List<String> terms = KoreanText.terms(KoreanText.analyzer(), "청년센터 어디 있어요?");
        assertTrue(terms.containsAll(List.of("청년센터", "청년", "센터")), terms.toString());
        List<String> without = KoreanText.terms(KoreanText.analyzer(KoreanText.userDictionary(false)), "청년센터 어디 있어요?");
        assertFalse(without.contains("청년센터"), "Nori alone splits it: " + without);
    }
}
