package dev.ainfo.knowledge.entity;

import java.util.List;

/**
 * What retrieval found for one question: the query actually searched (after follow-up rewriting),
 * the facts read from it, the hits, and whether the best hit is too weak to answer from.
 */
public record Retrieval(String query, QuestionFacts facts, List<PolicyHit> hits, boolean abstained) {

    public Retrieval {
        hits = List.copyOf(hits);
    }

    /** The hits to answer from: none when abstaining. */
    public List<PolicyHit> grounded() {
        return abstained ? List.of() : hits;
    }
}
