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
 * vocabulary (the taxonomy, the nouns of its titles and keywords, and the nouns its summary and support
 * fields share among at least {@link #DESCRIPTIVE_MIN_RECORDS} records).
 */
class VocabularyTest {

    /** A noun of the summary and support fields is vocabulary when this many records use it. */
    static final int DESCRIPTIVE_MIN_RECORDS = 3;

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
        return nounsByRecords(p -> p.title() + " " + String.join(" ", p.keywords()), 1);
    }

    /**
     * The nouns of the descriptive fields (title, keywords, summary, support) that at least
     * {@link #DESCRIPTIVE_MIN_RECORDS} records use, most used first, places left out.
     */
    static Set<String> descriptiveNouns() {
        return nounsByRecords(p -> p.title() + " " + String.join(" ", p.keywords()) + " " + p.summary() + " " + p.support(),
                DESCRIPTIVE_MIN_RECORDS);
    }

    private static Set<String> nounsByRecords(java.util.function.Function<Policy, String> fields, int minRecords) {
        Places places = new Places(corpus);
        var nouns = KoreanText.nouns();
        Map<String, Integer> df = new HashMap<>();
        for (Policy p : corpus) {
            for (String t : new HashSet<>(KoreanText.terms(nouns, fields.apply(p)))) {
                df.merge(t, 1, Integer::sum);
            }
        }
        Set<String> top = new LinkedHashSet<>();
        df.entrySet().stream()
                .filter(e -> e.getValue() >= minRecords)
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
        vocabulary.addAll(descriptiveNouns());
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
    void theDescriptiveFieldsAddRowsWhoseEnglishWordsNoOtherRowUses() {
        Set<String> titleVocabulary = new HashSet<>(taxonomy());
        titleVocabulary.addAll(frequentNouns());
        Map<String, Integer> uses = new HashMap<>();
        rows.values().forEach(glosses -> Arrays.stream(glosses.split(",")).map(String::strip).forEach(w -> uses.merge(w, 1, Integer::sum)));
        Set<String> descriptive = new TreeSet<>(rows.keySet());
        descriptive.removeAll(titleVocabulary);
        assertTrue(descriptive.size() > 100, "rows for nouns of the summary and support fields: " + descriptive.size());
        for (String korean : descriptive) {
            for (String english : rows.get(korean).split(",")) {
                assertEquals(1, uses.get(english.strip()), "'" + english.strip() + "' of " + korean + " glosses another row too");
            }
        }
    }

    @Test
    void aWordOnlyTheSummaryOrSupportFieldsUseIsReached() {
        QuestionReader reader = new QuestionReader(new Places(List.of()));
        assertTrue(reader.searchText("Can a small farmer get help buying fertilizer?").contains("비료"));
        assertTrue(reader.searchText("Is there a subsidy for buying a car?").contains("자동차"));
        assertTrue(reader.searchText("I have given up looking for work").contains("단념"));
        assertTrue(reader.searchText("My landlord won't return my deposit").contains("임대인"), "a noun of 3 records");
        assertTrue(reader.searchText("Can a small farmer get help buying fertilizer?").contains("농업"),
                "a new row does not take the place of the glossed word a form comes from (farmer → farm)");
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
