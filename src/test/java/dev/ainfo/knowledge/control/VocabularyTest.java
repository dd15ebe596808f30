package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The English glossary is derived from the corpus, not from questions: knowledge/vocabulary.tsv glosses
 * every term of the records' taxonomy (category, sub-category, keyword) and only words of the corpus's
 * vocabulary (the taxonomy and the nouns of its titles and keywords).
 */
class VocabularyTest {

    static List<Policy> corpus;
    static Map<String, String> rows;

    @BeforeAll
    static void load() throws IOException {
        corpus = Corpus.shipped();
        rows = new HashMap<>();
        try (InputStream in = VocabularyTest.class.getClassLoader().getResourceAsStream("knowledge/vocabulary.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] pair = line.split("\t");
                    assertEquals(2, pair.length, line);
                    assertTrue(rows.put(pair[0], pair[1]) == null, "one row per term: " + pair[0]);
                }
            }
        }
    }

    /** The portal's classification of the records: categories, sub-categories and keywords. */
    static Set<String> taxonomy() {
        Set<String> terms = new TreeSet<>();
        for (Policy p : corpus) {
            terms.add(p.category());
            Arrays.stream(p.subCategory().split(",")).map(String::strip).forEach(terms::add);
            terms.addAll(p.keywords());
        }
        terms.remove("");
        return terms;
    }

    /** Every noun of the titles and keywords, by the number of records that have it, places left out. */
    static Set<String> frequentNouns() {
        Places places = new Places(corpus);
        var nouns = KoreanText.nouns();
        Map<String, Integer> df = new HashMap<>();
        for (Policy p : corpus) {
            for (String t : new HashSet<>(KoreanText.terms(nouns, p.title() + " " + String.join(" ", p.keywords())))) {
                df.merge(t, 1, Integer::sum);
            }
        }
        Set<String> top = new LinkedHashSet<>();
        df.entrySet().stream()
                .filter(e -> e.getKey().length() >= 2 && e.getKey().chars().allMatch(c -> c >= 0xAC00 && c <= 0xD7A3))
                .filter(e -> Provinces.named(e.getKey()).isEmpty() && places.find(e.getKey()).isEmpty())
                .sorted((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue() : a.getKey().compareTo(b.getKey()))
                .forEach(e -> top.add(e.getKey()));
        return top;
    }

    @Test
    void everyTaxonomyTermIsGlossed() {
        Set<String> missing = new TreeSet<>(taxonomy());
        missing.removeAll(rows.keySet());
        assertTrue(missing.isEmpty(), "taxonomy terms without English glosses: " + missing);
    }

    @Test
    void noRowNamesAWordOutsideTheCorpusVocabulary() {
        Set<String> vocabulary = new HashSet<>(taxonomy());
        vocabulary.addAll(frequentNouns());
        Set<String> foreign = new TreeSet<>(rows.keySet());
        foreign.removeAll(vocabulary);
        assertTrue(foreign.isEmpty(), "glossed words that are not corpus vocabulary: " + foreign);
    }

    @Test
    void theWholeNounVocabularyWasGlossedNotOnlyItsMostFrequentWords() {
        List<String> nouns = List.copyOf(frequentNouns());
        long rare = nouns.subList(nouns.size() / 2, nouns.size()).stream().filter(rows::containsKey).count();
        assertTrue(rare > 100, "rows for the rarer half of the title nouns: " + rare);
    }

    @Test
    void aFormOfAGlossedWordBorrowsItsTerms() {
        QuestionReader reader = new QuestionReader(new Places(List.of()));
        assertTrue(reader.searchText("Do you help with diapers and baby formula?").contains("기저귀"));
        assertTrue(reader.searchText("I rented a room near campus").contains("월세"));
        assertTrue(reader.searchText("I have saved a little every month").contains("저축"));
    }

    @Test
    void anEnglishWordBorrowsEveryKoreanTermItGlosses() {
        QuestionReader reader = new QuestionReader(new Places(List.of()));
        String text = reader.searchText("Is there help with monthly rent for students?");
        assertTrue(text.contains("월세") && text.contains("전월세 및 주거급여 지원") && text.contains("대학생"), text);
        assertEquals("", reader.searchText("Is there help with monthly rent?").replaceAll("[^A-Za-z]", "").strip(),
                "an English question is searched with Korean words only");
    }

    @Test
    void aNounTitlesMakeOfAVerbIsANounAndIsGlossed() {
        assertTrue(KoreanText.terms(KoreanText.nouns(), "가족돌봄청년 지원사업").contains("돌봄"), "Nori read 돌보+ㅁ");
        assertTrue(frequentNouns().contains("돌봄"));
        QuestionReader reader = new QuestionReader(new Places(List.of()));
        assertTrue(reader.searchText("I take care of my sick father. Is there support for young carers?").contains("돌봄"));
    }
}
