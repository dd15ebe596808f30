package dev.ainfo.knowledge.entity;

/**
 * A policy found for a query: its retrieval score, the idf-weighted share of the question's
 * informative terms the record contains (0..1, what abstention is decided on), and a snippet.
 */
public record PolicyHit(Policy policy, double score, double coverage, String snippet) {

    public PolicyHit(Policy policy, double score, String snippet) {
        this(policy, score, 1.0, snippet);
    }
}
