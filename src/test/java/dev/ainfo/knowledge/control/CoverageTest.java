package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.Policy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Coverage read from the postings is exactly what each record's term vectors say, as it was first measured. */
class CoverageTest {

    @Test
    void postingsGiveTheSameCoverageAsTermVectors() throws IOException {
        List<Policy> corpus = Corpus.shipped();
        Path data = Path.of("target", "ainfo-eval-data");
        PolicySearcher searcher = IndexStore.open(corpus, data).searcher();
        Path folder = data.resolve("knowledge-index").resolve(IndexStore.fingerprint(corpus));
        try (searcher; DirectoryReader index = DirectoryReader.open(FSDirectory.open(folder))) {
            IndexSearcher lucene = new IndexSearcher(index);
            TermStatesCache lookups = new TermStatesCache(lucene);
            for (EvalSet.Item item : EvalSet.load().items()) {
                AnalysedQuestion question = searcher.analyse(item.question());
                List<String> terms = question.nouns();
                // The question's hits in rank order, then every 23rd record: the order given must not matter.
                Query query = searcher.query(question, PolicySearcher.Tuning.DEFAULT);
                IntStream hits = query == null ? IntStream.empty()
                        : Arrays.stream(lucene.search(query, 10).scoreDocs).mapToInt(d -> d.doc);
                int[] docs = IntStream.concat(hits, IntStream.iterate(index.maxDoc() - 1, d -> d >= 0, d -> d - 23))
                        .distinct().toArray();
                double[] coverage = Coverage.of(index, lookups, PolicySearcher.DESCRIPTIVE, terms, docs);
                for (int i = 0; i < docs.length; i++) {
                    assertEquals(byTermVectors(index, terms, docs[i]), coverage[i], 0.0, item.question() + " doc " + docs[i]);
                }
            }
        }
    }

    @Test
    void aCompoundCountsOnceAndItsPartsEarnItsShare() {
        List<String> terms = List.of("중소기업", "중소", "기업", "장학금", "장학", "금");
        assertEquals(List.of("중소기업", "장학금"), Coverage.words(terms));
        Map<String, Double> idf = Map.of("중소기업", 5.0, "중소", 4.0, "기업", 1.0, "장학금", 3.0, "장학", 2.0, "금", 0.5);
        assertEquals(1.0, Coverage.credit("장학금", Coverage.parts("장학금", terms), idf, "장학"::equals), 0.0,
                "장학사업 holds 장학, all of 장학금 that means something");
        assertEquals(0.2, Coverage.credit("중소기업", Coverage.parts("중소기업", terms), idf, "기업"::equals), 1e-12);
        assertEquals(1.0, Coverage.credit("중소기업", Coverage.parts("중소기업", terms), idf, "중소기업"::equals), 0.0);
        assertEquals(0.0, Coverage.credit("장학금", Coverage.parts("장학금", terms), idf, "금"::equals), 0.0);
    }

    /** The earlier measure: the record's term vectors, field by field. */
    @Test
    void anAspectWordInsideATopicWordIsItsPart() {
        List<String> nouns = List.of("자격증", "자격", "증", "응시료");
        List<String> topic = List.of("자격증", "응시료");
        assertEquals(List.of("자격증", "응시료", "자격"), Coverage.withAspectParts(topic, nouns));
        assertEquals(List.of("자격"), Coverage.parts("자격증", Coverage.withAspectParts(topic, nouns)));
        assertEquals(List.of("응시료"), Coverage.withAspectParts(List.of("응시료"), List.of("자격", "응시료")),
                "자격 said alone asks for the eligibility: no topic, no part");
        assertEquals(List.of("청년몰"), Coverage.withAspectParts(List.of("청년몰"), List.of("청년몰", "청년", "몰")),
                "청년 is a question word, not an aspect: it stays out");
    }

    @Test
    void aRecordSayingTheAspectPartOfATopicWordCoversIt() throws IOException {
        Policy exam = new Policy("20250101005400000001", "국가기술자격 응시료 지원", "기관", "", "교육", "", "시험 응시료의 절반을 지원",
                "", "", "", "", "", "", null, null, true, List.of(), List.of(), List.of(), "", "");
        Policy other = new Policy("20250101005400000002", "어학 시험 응시료 지원", "기관", "", "교육", "", "토익 응시료를 지원",
                "", "", "", "", "", "", null, null, true, List.of(), List.of(), List.of(), "", "");
        try (var dir = new org.apache.lucene.store.ByteBuffersDirectory(); PolicySearcher searcher =
                new PolicySearcher(List.of(exam, other), dir)) {
            AnalysedQuestion question = searcher.analyse("자격증 응시료 지원 있어요?");
            double holdingPart = searcher.describe(exam.id(), question).coverage();
            double lacking = searcher.describe(other.id(), question).coverage();
            assertEquals(1.0, holdingPart, 1e-9, "국가기술자격 holds 자격, the part of 자격증 that means something");
            assertTrue(lacking < holdingPart, "어학 시험 lacks it: " + lacking);
        }
    }

    static double byTermVectors(IndexReader index, List<String> terms, int doc) throws IOException {
        if (terms.isEmpty()) {
            return 1.0;
        }
        Map<String, Double> idf = new HashMap<>();
        for (String term : terms) {
            int df = 0;
            for (String field : PolicySearcher.DESCRIPTIVE) {
                df = Math.max(df, index.docFreq(new Term(field, term)));
            }
            idf.put(term, Math.log(1 + (index.numDocs() - df + 0.5) / (df + 0.5)));
        }
        Fields vectors = index.termVectors().get(doc);
        double total = 0;
        double found = 0;
        for (String word : Coverage.words(terms)) {
            total += idf.get(word);
            found += idf.get(word) * Coverage.credit(word, Coverage.parts(word, terms), idf, t -> held(vectors, t));
        }
        return total == 0 ? 1.0 : found / total;
    }

    private static boolean held(Fields vectors, String term) {
        try {
            for (String field : PolicySearcher.DESCRIPTIVE) {
                Terms vector = vectors == null ? null : vectors.terms(field);
                if (vector != null && vector.iterator().seekExact(new BytesRef(term))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
