package dev.ainfo.knowledge.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Words the records use together, read from the corpus itself when the index opens: a question's
 * everyday word that few records use (목돈) is related to the words those records share (적립, 저축),
 * so a record that says it differently can still be found and count as covering it. Nothing here is
 * written by hand or for a question; the association is how much more often two words share a record
 * than chance would have them.
 */
final class RelatedTerms {

    /** A word related to a question's word, with how strongly (0..1]. */
    record Related(String term, double strength) {
    }

    /**
     * A word used by fewer records gives no evidence of what it relates to; one used by more (월세, 교육) is
     * found well enough as it is. Two records at least must share the words, and a word keeps its strongest
     * few relations. On the dev half, 40 or 200 records at most instead of 80, or 2 or 8 relations instead of
     * 4, changed first right by one turn either way.
     */
    static final int MIN_DF = 2;
    static final int MAX_DF = 80;
    static final int MIN_SHARED = 2;
    static final int PER_WORD = 4;

    private final Map<String, Integer> ids;
    private final String[] vocabulary;
    private final int[] df;
    private final int[][] docTerms;
    private final int[][] termDocs;
    private final int documents;
    private final Map<Integer, List<Related>> cache = new ConcurrentHashMap<>();

    private RelatedTerms(Map<String, Integer> ids, String[] vocabulary, int[][] docTerms) {
        this.ids = ids;
        this.vocabulary = vocabulary;
        this.docTerms = docTerms;
        this.documents = docTerms.length;
        this.df = new int[vocabulary.length];
        for (int[] terms : docTerms) {
            for (int t : terms) {
                df[t]++;
            }
        }
        this.termDocs = new int[vocabulary.length][];
        int[] filled = new int[vocabulary.length];
        for (int t = 0; t < vocabulary.length; t++) {
            termDocs[t] = new int[df[t]];
        }
        for (int d = 0; d < docTerms.length; d++) {
            for (int t : docTerms[d]) {
                termDocs[t][filled[t]++] = d;
            }
        }
    }

    /** The descriptive words of every record, read from the index's postings (one pass over each field's terms). */
    static RelatedTerms of(IndexReader index, List<String> fields) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        int[][] byDoc = new int[index.maxDoc()][16];
        int[] sizes = new int[index.maxDoc()];
        try {
            for (LeafReaderContext leaf : index.leaves()) {
                for (String field : fields) {
                    Terms inField = leaf.reader().terms(field);
                    if (inField == null) {
                        continue;
                    }
                    TermsEnum each = inField.iterator();
                    PostingsEnum postings = null;
                    for (BytesRef bytes = each.next(); bytes != null; bytes = each.next()) {
                        String term = bytes.utf8ToString();
                        if (!meaningful(term)) {
                            continue;
                        }
                        int id = ids.computeIfAbsent(term, t -> {
                            vocabulary.add(t);
                            return vocabulary.size() - 1;
                        });
                        postings = each.postings(postings, PostingsEnum.NONE);
                        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                            int d = leaf.docBase + doc;
                            if (sizes[d] == byDoc[d].length) {
                                byDoc[d] = Arrays.copyOf(byDoc[d], sizes[d] * 2);
                            }
                            byDoc[d][sizes[d]++] = id;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[][] docTerms = new int[byDoc.length][];
        for (int d = 0; d < byDoc.length; d++) {
            // A word in several fields of a record counts once.
            docTerms[d] = Arrays.stream(byDoc[d], 0, sizes[d]).sorted().distinct().toArray();
        }
        return new RelatedTerms(ids, vocabulary.toArray(String[]::new), docTerms);
    }

    /**
     * Words of two syllables or more that say what a programme is: not numbers, not question words, and no
     * place names (a 시·도, a 시·군·구 or its short name), which share records by where they are, not by what
     * they mean (경산 related to a studio of 경산's).
     */
    static boolean meaningful(String term) {
        return term.length() >= 2 && !KoreanText.QUESTION_WORDS.contains(term) && !KoreanText.ASPECT_WORDS.contains(term)
                && term.chars().anyMatch(Character::isLetter) && term.chars().noneMatch(Character::isDigit)
                && Provinces.named(term).isEmpty() && !PLACE_NAMES.contains(term);
    }

    private static final Set<String> PLACE_NAMES = placeNames();

    private static Set<String> placeNames() {
        Set<String> names = new HashSet<>();
        for (Districts.District d : Districts.ALL) {
            for (String name : d.name().split(" ")) {
                names.add(name);
                if (name.length() >= 3) {
                    names.add(name.substring(0, name.length() - 1));
                }
            }
        }
        return names;
    }

    int df(String term) {
        Integer id = ids.get(term);
        return id == null ? 0 : df[id];
    }

    /**
     * The words most related to {@code word}, strongest first; none for a word too common or too rare.
     * Worked out once per word the corpus uses, so the cache is bounded by the vocabulary.
     */
    List<Related> of(String word) {
        Integer id = ids.get(word);
        if (id == null || df[id] < MIN_DF || df[id] > MAX_DF) {
            return List.of();
        }
        return cache.computeIfAbsent(id, this::compute);
    }

    /** The strongest {@link #PER_WORD} relations of {@code word} to words the question does not say itself. */
    List<Related> of(String word, java.util.Collection<String> besides) {
        return of(word).stream().filter(r -> !besides.contains(r.term())).limit(PER_WORD).toList();
    }

    private List<Related> compute(int id) {
        String word = vocabulary[id];
        Map<Integer, Integer> shared = new HashMap<>();
        for (int d : termDocs[id]) {
            for (int t : docTerms[d]) {
                if (t != id) {
                    shared.merge(t, 1, Integer::sum);
                }
            }
        }
        List<Related> related = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
            String term = vocabulary[e.getKey()];
            if (e.getValue() < MIN_SHARED || term.contains(word) || word.contains(term)) {
                continue;
            }
            double strength = strength(e.getValue(), df[id], df[e.getKey()]);
            if (strength > 0) {
                related.add(new Related(term, strength));
            }
        }
        related.sort(Comparator.comparingDouble(Related::strength).reversed());
        // Kept longer than PER_WORD, so a question's own words can be passed over (see besides).
        return List.copyOf(related.subList(0, Math.min(2 * PER_WORD, related.size())));
    }

    /**
     * How strongly a word used by {@code dfWord} records relates to one used by {@code dfTerm}, given that
     * {@code shared} records use both: the geometric mean of the share of the word's records that hold the
     * term and of how much more often the two share a record than chance would have it (normalised pointwise
     * mutual information, in [-1, 1]; zero and below is no relation). The share keeps a word that happens to
     * share a rare record from counting as much as one most of the word's records use; the information keeps
     * a word every record uses from counting at all. On the dev half, the product instead of the geometric
     * mean scored first right 117 of 150 (119), the information alone 116, the share alone 111.
     */
    double strength(int shared, int dfWord, int dfTerm) {
        double pBoth = (double) shared / documents;
        double npmi = Math.log(pBoth / ((double) dfWord / documents * dfTerm / documents)) / -Math.log(pBoth);
        double conditional = (double) shared / dfWord;
        return npmi <= 0 ? 0 : Math.sqrt(conditional * npmi);
    }

    /** For inspection: a word's record count and relations. */
    String explain(String word) {
        return word + " (" + df(word) + " records) -> " + of(word);
    }
}
