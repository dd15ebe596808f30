package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.QuestionFacts;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

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
    private static final List<String> DESCRIPTIVE = List.of("title", "keywords", "category", "summary", "support");
    static final String REGION = "region";
    static final String PLACE = "place";
    static final String CATEGORY_KEY = "categoryKey";
    static final String MIN_AGE = "minAge";
    static final String MAX_AGE = "maxAge";
    private static final Map<String, Float> FIELDS = Map.of(
            "title", 4f, "keywords", 1.5f, "category", 1.2f, "summary", 2f, "support", 1f, "details", 0.5f);
    private static final float QUESTION_WORD_WEIGHT = 0.15f;
    private static final FieldType WITH_VECTORS = vectors();

    private final Analyzer analyzer = KoreanText.analyzer();
    private final Analyzer nouns = KoreanText.nouns();
    private final Map<String, Policy> policies = new HashMap<>();
    private final Places places;
    private final QuestionReader reader;
    private final DirectoryReader index;
    private final IndexSearcher searcher;

    /** Opens the index in {@code directory}, building it there first unless it already holds one. */
    public PolicySearcher(List<Policy> corpus, Directory directory) {
        corpus.forEach(p -> policies.put(p.id(), p));
        this.places = new Places(corpus);
        this.reader = new QuestionReader(places);
        try {
            if (!DirectoryReader.indexExists(directory)) {
                build(corpus, directory);
            }
            this.index = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.searcher = new IndexSearcher(index);
    }

    private void build(List<Policy> corpus, Directory directory) throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64))) {
            for (Policy p : corpus) {
                writer.addDocument(document(p));
            }
            writer.forceMerge(1);
        }
    }

    private Document document(Policy p) {
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        doc.add(new Field("title", p.title(), WITH_VECTORS));
        doc.add(new Field("keywords", String.join(" ", p.keywords()), WITH_VECTORS));
        doc.add(new Field("category", p.category() + " " + p.subCategory(), WITH_VECTORS));
        doc.add(new Field("summary", p.summary(), WITH_VECTORS));
        doc.add(new Field("support", p.support(), WITH_VECTORS));
        doc.add(new TextField("details", String.join("\n", p.eligibility(), p.applyMethod(), p.documents(),
                p.selection(), p.notes()), Field.Store.NO));
        doc.add(new StringField(CATEGORY_KEY, p.category(), Field.Store.NO));
        if (p.nationwide()) {
            doc.add(new StringField(REGION, "전국", Field.Store.NO));
        }
        p.regions().forEach(r -> doc.add(new StringField(REGION, r, Field.Store.NO)));
        places.namesIn(p.title() + " " + p.institution()).forEach(n -> doc.add(new StringField(PLACE, n, Field.Store.NO)));
        if (p.minAge() != null) {
            doc.add(new IntPoint(MIN_AGE, p.minAge()));
        }
        if (p.maxAge() != null) {
            doc.add(new IntPoint(MAX_AGE, p.maxAge()));
        }
        return doc;
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
        QuestionFacts facts = reader.read(question);
        List<String> terms = KoreanText.terms(analyzer, reader.searchText(question));
        Query text = textQuery(terms, facts);
        if (text == null) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        constrain(query, facts, tuning);
        try {
            ScoreDoc[] docs = searcher.search(query.build(), k).scoreDocs;
            Map<String, Double> idf = idf(informative(KoreanText.terms(nouns, reader.searchText(question)), facts));
            List<PolicyHit> hits = new ArrayList<>();
            for (ScoreDoc doc : docs) {
                Policy policy = policies.get(searcher.storedFields().document(doc.doc).get(ID));
                if (policy != null) {
                    hits.add(new PolicyHit(policy, doc.score, coverage(doc.doc, idf), Snippets.best(policy, terms)));
                }
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record found another way (dense retrieval), scored for coverage against the question. */
    public PolicyHit describe(String id, String question) {
        Policy policy = policies.get(id);
        if (policy == null) {
            return null;
        }
        QuestionFacts facts = reader.read(question);
        List<String> terms = KoreanText.terms(analyzer, reader.searchText(question));
        try {
            ScoreDoc[] docs = searcher.search(new TermQuery(new Term(ID, id)), 1).scoreDocs;
            double coverage = docs.length == 0 ? 0
                    : coverage(docs[0].doc, idf(informative(KoreanText.terms(nouns, reader.searchText(question)), facts)));
            return new PolicyHit(policy, 0, coverage, Snippets.best(policy, terms));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a record passes the hard filters the question implies under this tuning. */
    public static boolean admits(Policy policy, QuestionFacts facts, Tuning tuning) {
        boolean region = tuning.region() != Mode.FILTER || facts.province() == null || policy.nationwide()
                || policy.regions().contains(facts.province());
        boolean age = tuning.age() != Mode.FILTER || facts.age() == null || policy.admitsAge(facts.age());
        return region && age;
    }

    private Query textQuery(List<String> terms, QuestionFacts facts) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        int clauses = 0;
        for (String term : terms) {
            List<Query> perField = new ArrayList<>();
            FIELDS.forEach((field, weight) -> perField.add(new BoostQuery(new TermQuery(new Term(field, term)), weight)));
            Query any = new DisjunctionMaxQuery(perField, 0.3f);
            boolean minor = KoreanText.QUESTION_WORDS.contains(term) || term.chars().allMatch(Character::isDigit)
                    || (facts.province() != null && Provinces.named(term).isPresent());
            text.add(minor ? new BoostQuery(any, QUESTION_WORD_WEIGHT) : any, Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? null : text.build();
    }

    private static void constrain(BooleanQuery.Builder query, QuestionFacts facts, Tuning tuning) {
        if (facts.province() != null && tuning.region() != Mode.IGNORE) {
            Query local = new TermQuery(new Term(REGION, facts.province()));
            if (tuning.region() == Mode.FILTER) {
                query.add(new BooleanQuery.Builder().add(local, Occur.SHOULD)
                        .add(new TermQuery(new Term(REGION, "전국")), Occur.SHOULD).build(), Occur.FILTER);
            }
            query.add(new BoostQuery(local, 1.5f), Occur.SHOULD);
        }
        if (facts.nationwide()) {
            query.add(new BoostQuery(new TermQuery(new Term(REGION, "전국")), 1.5f), Occur.SHOULD);
        }
        if (facts.place() != null && tuning.region() != Mode.IGNORE) {
            query.add(new BoostQuery(new TermQuery(new Term(PLACE, facts.place())), 2.5f), Occur.SHOULD);
        }
        if (facts.age() != null && tuning.age() != Mode.IGNORE) {
            int age = facts.age();
            Query tooYoung = IntPoint.newRangeQuery(MIN_AGE, age + 1, Integer.MAX_VALUE);
            Query tooOld = IntPoint.newRangeQuery(MAX_AGE, Integer.MIN_VALUE, age - 1);
            if (tuning.age() == Mode.FILTER) {
                query.add(tooYoung, Occur.MUST_NOT).add(tooOld, Occur.MUST_NOT);
            } else {
                Query fits = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
                        .add(tooYoung, Occur.MUST_NOT).add(tooOld, Occur.MUST_NOT).build();
                query.add(new BoostQuery(fits, 1f), Occur.SHOULD);
            }
        }
        if (facts.category() != null && tuning.category()) {
            query.add(new BoostQuery(new TermQuery(new Term(CATEGORY_KEY, facts.category())), 0.5f), Occur.SHOULD);
        }
    }

    /** The terms that say what is asked about: not question words, ages or the asker's region. */
    private static List<String> informative(List<String> terms, QuestionFacts facts) {
        return terms.stream().filter(t -> !KoreanText.QUESTION_WORDS.contains(t) && !KoreanText.ASPECT_WORDS.contains(t))
                .filter(t -> !t.chars().allMatch(Character::isDigit))
                .filter(t -> Provinces.named(t).isEmpty() && !t.equals(facts.place()))
                .filter(t -> t.length() > 1 || t.chars().allMatch(c -> c >= 0xAC00))
                .toList();
    }

    private Map<String, Double> idf(List<String> terms) throws IOException {
        Map<String, Double> idf = new HashMap<>();
        int n = index.numDocs();
        for (String term : terms) {
            int df = 0;
            for (String field : DESCRIPTIVE) {
                df = Math.max(df, index.docFreq(new Term(field, term)));
            }
            idf.put(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
        }
        return idf;
    }

    /** The idf-weighted share of the question's informative terms that appear in the record. */
    private double coverage(int doc, Map<String, Double> idf) throws IOException {
        if (idf.isEmpty()) {
            return 1.0;
        }
        org.apache.lucene.index.Fields vectors = index.termVectors().get(doc);
        double total = idf.values().stream().mapToDouble(Double::doubleValue).sum();
        double found = 0;
        for (Map.Entry<String, Double> term : idf.entrySet()) {
            BytesRef bytes = new BytesRef(term.getKey());
            for (String field : DESCRIPTIVE) {
                Terms vector = vectors == null ? null : vectors.terms(field);
                if (vector != null && vector.iterator().seekExact(bytes)) {
                    found += term.getValue();
                    break;
                }
            }
        }
        return total == 0 ? 1.0 : found / total;
    }

    private static FieldType vectors() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }

    @Override
    public void close() {
        try {
            index.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Analyzer analyzer() {
        return analyzer;
    }

    Analyzer nouns() {
        return nouns;
    }
}
