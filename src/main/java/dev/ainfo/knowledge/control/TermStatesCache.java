package dev.ainfo.knowledge.control;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;

/**
 * Each term's place in the index and its statistics, looked up once. Questions share a small
 * vocabulary, and looking every term up in every field again was a large part of each search.
 * Valid for the one searcher it was made with; bounded, so odd input cannot grow it without end.
 */
final class TermStatesCache {

    static final int MAX_TERMS = 50_000;

    private final IndexSearcher searcher;
    private final Map<Term, TermStates> states = new ConcurrentHashMap<>();

    TermStatesCache(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** Built with statistics, as a scoring TermQuery builds them itself. */
    TermStates get(Term term) throws IOException {
        TermStates cached = states.get(term);
        if (cached != null) {
            return cached;
        }
        TermStates built = TermStates.build(searcher, term, true);
        if (states.size() < MAX_TERMS) {
            states.putIfAbsent(term, built);
        }
        return built;
    }
}
