package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.QuestionFacts;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;

/**
 * BM25 over the policy records with the Nori analyzer: one Lucene index, fields weighted by how
 * much they say about what a programme is. Region and age read from the question filter or boost
 * (see {@link Tuning}); the category nudges. Each hit carries a coverage figure, the share of the
 * question's informative terms the record contains, which decides abstention.
 */
public final class PolicySearcher implements Closeable {

    /** How a fact read from the question is used. */
    public enum Mode { FILTER, BOOST, IGNORE }

    /**
     * The default is what measured best on the evaluation set (RetrievalEvaluationTest prints the
     * comparison): the region as a hard filter (national programmes stay in), the age as a boost, so a
     * programme asked about by name still shows up to explain why the asker is too old; the category
     * made no measurable difference and is off.
     */
    public record Tuning(Mode region, Mode age, boolean category) {
        public static final Tuning DEFAULT = new Tuning(Mode.FILTER, Mode.BOOST, false);
    }

    static final String ID = "id";
    /** The fields that say what a programme is; coverage is measured on them. */
    static final List<String> DESCRIPTIVE = List.of("title", "keywords", "category", "summary", "support");
    static final String REGION = "region";
    static final String PLACE = "place";
    static final String DISTRICT = "district";
    static final String CATEGORY_KEY = "categoryKey";
    static final String MIN_AGE = "minAge";
    static final String MAX_AGE = "maxAge";
    /** BM25's best candidates, re-ranked by how much of the question's topic each one covers. */
    static final int RERANKED = 40;

    private final Analyzer analyzer = KoreanText.analyzer();
    private final Analyzer nouns = KoreanText.nouns();
    /** Enough for the turns being answered at once; a turn needs its entries only for milliseconds. */
    private final RecentResults<List<String>> recentNouns =
            new RecentResults<>(64, text -> List.copyOf(KoreanText.terms(nouns, text)));
    private final Map<String, Policy> policies = new HashMap<>();
    /** The record behind each Lucene doc id (null if the index names one the corpus lacks), read once. */
    private final Policy[] byDoc;
    private final Places places;
    private final QuestionReader reader;
    private final DirectoryReader index;
    private final IndexSearcher searcher;
    private final TermStatesCache termStates;
    private final PolicyQueries queries;
    private final RelatedTerms related;
    private final Registrations registrations;
    private final Snippets snippets = new Snippets();

    /** Opens the index in {@code directory}, building it there first unless it already holds one. */
    public PolicySearcher(List<Policy> corpus, Directory directory) {
        this(corpus, directory, QuestionReader.KOREA);
    }

    /** As {@link #PolicySearcher(List, Directory)}, reading questions ("99년생") against {@code clock}. */
    public PolicySearcher(List<Policy> corpus, Directory directory, Clock clock) {
        corpus.forEach(p -> policies.put(p.id(), p));
        this.places = new Places(corpus);
        this.reader = new QuestionReader(places, clock);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                PolicyDocuments.build(corpus, places, analyzer, directory);
            }
            this.index = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.searcher = new IndexSearcher(index);
        // Lucene caches nothing for a segment this small (under 10,000 docs), so skip its bookkeeping.
        this.searcher.setQueryCache(null);
        this.termStates = new TermStatesCache(searcher);
        this.queries = new PolicyQueries(termStates);
        this.byDoc = recordsByDoc();
        this.related = RelatedTerms.of(index, DESCRIPTIVE);
        this.registrations = Registrations.of(corpus, places);
    }

    private Policy[] recordsByDoc() {
        try {
            Policy[] records = new Policy[index.maxDoc()];
            var stored = index.storedFields();
            for (int doc = 0; doc < records.length; doc++) {
                records[doc] = policies.get(stored.document(doc, Set.of(ID)).get(ID));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }



    public QuestionReader questions() {
        return reader;
    }

    public int size() {
        return index.numDocs();
    }

    public Policy policy(String id) {
        return policies.get(id);
    }

    public List<PolicyHit> search(String question, int k) {
        return search(question, k, Tuning.DEFAULT);
    }

    public List<PolicyHit> search(String question, int k, Tuning tuning) {
        return search(analyse(question), k, tuning);
    }

    /** Reads and analyses a question once, for every step of its retrieval. */
    AnalysedQuestion analyse(String question) {
        return analyse(question, null);
    }

    /**
     * As {@link #analyse(String)}, with the asker's facts given (from the conversation or a profile)
     * where the question leaves them out. Words that only describe the asker (취준생, 직장인) are not
     * searched for when the question names a topic besides them.
     */
    AnalysedQuestion analyse(String question, QuestionFacts known) {
        QuestionFacts facts = reader.read(question).orElse(known);
        String text = reader.searchText(question);
        if (facts.status() != null) {
            String topical = reader.searchText(reader.withoutStatus(question));
            if (!informative(nounsOf(topical), facts).isEmpty()) {
                text = topical;
            }
        }
        List<String> nouns = notPlaces(nounsOf(text), reader.placeWords(question));
        return new AnalysedQuestion(facts, KoreanText.terms(analyzer, text), nouns, relatedTo(informative(nouns, facts)));
    }

    /** The corpus's related words of each topic word (a compound, not its parts) that has some. */
    private Map<String, List<RelatedTerms.Related>> relatedTo(List<String> topic) {
        Map<String, List<RelatedTerms.Related>> out = new java.util.LinkedHashMap<>();
        for (String word : Coverage.words(topic)) {
            // A word the question says itself earns its own credit; it is no evidence of another one.
            List<RelatedTerms.Related> of = related.of(word, topic);
            if (!of.isEmpty()) {
                out.put(word, of);
            }
        }
        return out;
    }

    /** The words of a question that say what it is about (not who asks, nor what part of a programme). */
    public List<String> topicTerms(String question) {
        QuestionFacts facts = reader.read(question);
        return informative(notPlaces(nounsOf(reader.searchText(reader.withoutStatus(question))), reader.placeWords(question)), facts);
    }

    /** The nouns without the names the question gives places with (성남, and 분당 of 분당구). */
    static List<String> notPlaces(List<String> nouns, Set<String> placeWords) {
        if (placeWords.isEmpty()) {
            return nouns;
        }
        return nouns.stream().filter(t -> t.length() < 2 || placeWords.stream().noneMatch(p -> p.startsWith(t))).toList();
    }

    /** The nouns, foreign words and roots of a search text: what it is about. */
    List<String> nounsOf(String searchText) {
        return recentNouns.of(searchText);
    }

    List<PolicyHit> search(AnalysedQuestion question, int k, Tuning tuning) {
        Query query = query(question, tuning);
        if (query == null) {
            return List.of();
        }
        try {
            // Scored exhaustively (no hit count to reach): on a corpus this small that is cheaper than
            // Lucene's block-max skipping, and ranks the same.
            ScoreDoc[] docs = searcher.search(query, new TopScoreDocCollectorManager(Math.max(k, RERANKED), null,
                    Integer.MAX_VALUE)).scoreDocs;
            double[] coverage = coverage(question, Arrays.stream(docs).mapToInt(d -> d.doc).toArray());
            List<PolicyHit> hits = new ArrayList<>();
            for (int i = 0; i < docs.length; i++) {
                Policy policy = byDoc[docs[i].doc];
                if (policy != null) {
                    hits.add(new PolicyHit(policy, docs[i].score * Ranking.weight(policy, coverage[i], question.facts()),
                            coverage[i], null));
                }
            }
            hits.sort(java.util.Comparator.comparingDouble(PolicyHit::score).reversed());
            return hits.stream().limit(k)
                    .map(h -> new PolicyHit(h.policy(), h.score(), h.coverage(), snippets.best(h.policy(), question.terms())))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The question's terms over the weighted fields, with its region and age applied; null without terms. */
    Query query(AnalysedQuestion question, Tuning tuning) {
        return queries.of(question, tuning);
    }

    /** A record found another way (dense retrieval), scored for coverage against the question. */
    PolicyHit describe(String id, AnalysedQuestion question) {
        Policy policy = policies.get(id);
        if (policy == null) {
            return null;
        }
        try {
            ScoreDoc[] docs = searcher.search(new TermQuery(new Term(ID, id)), 1).scoreDocs;
            double coverage = docs.length == 0 ? 0 : coverage(question, new int[] {docs[0].doc})[0];
            return new PolicyHit(policy, 0, coverage, snippets.best(policy, question.terms()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double[] coverage(AnalysedQuestion question, int[] docs) throws IOException {
        List<String> topic = Coverage.withAspectParts(informative(question.nouns(), question.facts()), question.nouns());
        return Coverage.of(index, termStates, DESCRIPTIVE, topic, question.related(), docs);
    }

    /** See {@link Places#servedRegions}. */
    List<String> servedRegions(Policy policy) {
        return places.servedRegions(policy);
    }

    /** The programmes of the corpus and their registrations. */
    Registrations registrations() {
        return registrations;
    }

    /** Whether a record passes the hard filters the question implies under this tuning. */
    public static boolean admits(Policy policy, QuestionFacts facts, Tuning tuning) {
        boolean region = tuning.region() != Mode.FILTER || facts.province() == null || policy.nationwide()
                || policy.regions().contains(facts.province());
        boolean age = tuning.age() != Mode.FILTER || facts.age() == null || policy.admitsAge(facts.age());
        return region && age;
    }

    /** The terms that say what is asked about: not question words, ages or the asker's region. */
    private static List<String> informative(List<String> terms, QuestionFacts facts) {
        return terms.stream().filter(t -> !KoreanText.QUESTION_WORDS.contains(t) && !KoreanText.ASPECT_WORDS.contains(t))
                .filter(t -> !t.chars().allMatch(Character::isDigit))
                .filter(t -> Provinces.named(t).isEmpty()
                        && (facts.place() == null || !(t.length() >= 2 && facts.place().startsWith(t))))
                .filter(t -> t.length() > 1 || t.chars().allMatch(c -> c >= 0xAC00))
                // A syllable Nori split off a compound (증 of 자격증) is no topic of its own: 증명사진 holds it too.
                .filter(t -> t.length() > 1 || terms.stream().noneMatch(o -> o.length() > 1 && o.contains(t)))
                .toList();
    }


    @Override
    public void close() {
        try {
            index.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
