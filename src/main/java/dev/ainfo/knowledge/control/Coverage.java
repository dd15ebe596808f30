package dev.ainfo.knowledge.control;

import java.io.IOException;
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
 * The idf-weighted share of a question's informative terms each hit holds in a descriptive field.
 * One postings lookup per term and field serves the idf and every hit at once, which costs far less
 * than decoding each hit's term vectors.
 */
final class Coverage {

    private Coverage() {
    }

    /** The coverage of each of {@code docs} (distinct), in their order. */
    static double[] of(IndexReader index, TermStatesCache lookups, List<String> fields, List<String> terms, int[] docs)
            throws IOException {
        double[] coverage = new double[docs.length];
        if (terms.isEmpty()) {
            Arrays.fill(coverage, 1.0);
            return coverage;
        }
        int[] ascending = docs.clone();
        Arrays.sort(ascending);
        // A HashMap as before, so the sums below add up in the same order, to the same last bit.
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
        double total = idf.values().stream().mapToDouble(Double::doubleValue).sum();
        for (int i = 0; i < docs.length; i++) {
            int at = Arrays.binarySearch(ascending, docs[i]);
            double found = 0;
            for (Map.Entry<String, Double> term : idf.entrySet()) {
                if (heldBy.get(term.getKey())[at]) {
                    found += term.getValue();
                }
            }
            coverage[i] = total == 0 ? 1.0 : found / total;
        }
        return coverage;
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
