package dev.ainfo.knowledge.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermsEnum;

/**
 * The idf-weighted share of a question's informative words each hit holds in a descriptive field; a
 * compound word the record lacks earns the share of its parts the record holds.
 * One postings lookup per term and field serves the idf and every hit at once, which costs far less
 * than decoding each hit's term vectors.
 */
final class Coverage {

    /**
     * A related word the record holds earns the question's word this times the relation's strength, never
     * more than {@link #MAX_RELATED_CREDIT}: less than the word itself. On the dev half, 1.0, 1.3 and 1.6
     * scored the same (first right 119 of 150, unanswerable 16 of 18 declined).
     */
    static final double RELATED_CREDIT = 1.0;
    static final double MAX_RELATED_CREDIT = 0.8;

    private Coverage() {
    }

    /** The coverage of each of {@code docs} (distinct), in their order. */
    static double[] of(IndexReader index, TermStatesCache lookups, List<String> fields, List<String> terms, int[] docs)
            throws IOException {
        return of(index, lookups, fields, terms, Map.of(), docs);
    }

    /**
     * As above; a word the record lacks (nor its parts) earns a share of its weight for a related word the
     * record holds: {@link #RELATED_CREDIT} times the relation's strength, always less than the word itself.
     */
    static double[] of(IndexReader index, TermStatesCache lookups, List<String> fields, List<String> terms,
            Map<String, List<RelatedTerms.Related>> related, int[] docs) throws IOException {
        double[] coverage = new double[docs.length];
        if (terms.isEmpty()) {
            Arrays.fill(coverage, 1.0);
            return coverage;
        }
        int[] ascending = docs.clone();
        Arrays.sort(ascending);
        Map<String, Double> idf = new HashMap<>();
        Map<String, boolean[]> heldBy = new HashMap<>();
        int n = index.numDocs();
        for (String term : terms) {
            boolean[] held = new boolean[ascending.length];
            int df = 0;
            for (String field : fields) {
                Term inField = new Term(field, term);
                df = Math.max(df, mark(index, inField, lookups.get(inField), ascending, held));
            }
            idf.put(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
            heldBy.put(term, held);
        }
        for (List<RelatedTerms.Related> of : related.values()) {
            for (RelatedTerms.Related r : of) {
                if (!heldBy.containsKey(r.term())) {
                    boolean[] held = new boolean[ascending.length];
                    for (String field : fields) {
                        Term inField = new Term(field, r.term());
                        mark(index, inField, lookups.get(inField), ascending, held);
                    }
                    heldBy.put(r.term(), held);
                }
            }
        }
        List<String> words = words(terms);
        List<List<String>> parts = new ArrayList<>();
        double total = 0;
        for (String word : words) {
            total += idf.get(word);
            parts.add(parts(word, terms));
        }
        for (int i = 0; i < docs.length; i++) {
            int at = Arrays.binarySearch(ascending, docs[i]);
            double found = 0;
            for (int w = 0; w < words.size(); w++) {
                String word = words.get(w);
                java.util.function.Predicate<String> held = t -> heldBy.get(t)[at];
                double credit = Math.max(credit(word, parts.get(w), idf, held),
                        relatedCredit(related.getOrDefault(word, List.of()), held));
                found += idf.get(word) * credit;
            }
            coverage[i] = total == 0 ? 1.0 : found / total;
        }
        return coverage;
    }

    /**
     * The question's words: the terms no longer term contains. Nori gives a compound and its parts
     * (장학금, 장학, 금); counted apart, a record lacking the compound lost its weight and its parts' twice.
     */
    static List<String> words(List<String> terms) {
        return terms.stream().filter(t -> terms.stream().noneMatch(o -> o.length() > t.length() && o.contains(t))).toList();
    }

    /**
     * The topic words with the parts of them that are words asking about a programme's aspect (자격 of
     * 자격증, 참여 of 참여수당): said alone such a word asks for the aspect and is no topic, but inside a topic
     * word it is that word's part, and a record saying it differently (국가기술자격) holds it.
     */
    static List<String> withAspectParts(List<String> topic, List<String> nouns) {
        List<String> out = new ArrayList<>(topic);
        for (String noun : nouns) {
            if (noun.length() >= 2 && KoreanText.ASPECT_WORDS.contains(noun) && !out.contains(noun)
                    && topic.stream().anyMatch(t -> t.length() > noun.length() && t.contains(noun))) {
                out.add(noun);
            }
        }
        return out;
    }

    /** A compound's parts of two syllables or more that the question holds too (중소기업: 중소, 기업). */
    static List<String> parts(String word, List<String> terms) {
        return terms.stream().filter(t -> t.length() >= 2 && t.length() < word.length() && word.contains(t)).toList();
    }

    /**
     * How much of a word a record holds: all of it when it holds the word, else the idf-weighted share of
     * the word's parts it holds ("장학사업" holds 장학 of 장학금).
     */
    static double credit(String word, List<String> parts, Map<String, Double> idf, java.util.function.Predicate<String> held) {
        if (held.test(word)) {
            return 1;
        }
        double all = 0;
        double found = 0;
        for (String part : parts) {
            all += idf.get(part);
            if (held.test(part)) {
                found += idf.get(part);
            }
        }
        return all == 0 ? 0 : found / all;
    }

    /** The most a record earns for a word through the related words it holds (see {@link #RELATED_CREDIT}). */
    static double relatedCredit(List<RelatedTerms.Related> related, java.util.function.Predicate<String> held) {
        double best = 0;
        for (RelatedTerms.Related r : related) {
            if (held.test(r.term())) {
                best = Math.max(best, Math.min(MAX_RELATED_CREDIT, RELATED_CREDIT * r.strength()));
            }
        }
        return best;
    }

    /** Marks which of the docs (ascending) hold the term; returns its document frequency. */
    private static int mark(IndexReader index, Term term, TermStates states, int[] ascending, boolean[] held)
            throws IOException {
        for (LeafReaderContext leaf : index.leaves()) {
            TermState state = states.get(leaf);
            if (state == null) {
                continue;
            }
            TermsEnum terms = leaf.reader().terms(term.field()).iterator();
            terms.seekExact(term.bytes(), state);
            PostingsEnum postings = terms.postings(null, PostingsEnum.NONE);
            for (int i = 0; i < ascending.length; i++) {
                int doc = ascending[i] - leaf.docBase;
                if (doc >= 0 && doc < leaf.reader().maxDoc()) {
                    held[i] |= (postings.docID() < doc ? postings.advance(doc) : postings.docID()) == doc;
                }
            }
        }
        return states.docFreq();
    }
}
