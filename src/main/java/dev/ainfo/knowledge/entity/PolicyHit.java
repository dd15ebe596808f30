package dev.ainfo.knowledge.entity;

/**
 * A policy found for a query: its retrieval score, the idf-weighted share of the question's
 * informative terms the record contains (0..1, what abstention is decided on), a snippet, and whether
 * it takes applications today.
 */
public record PolicyHit(Policy policy, double score, double coverage, String snippet, Openness openness) {

    public PolicyHit {
        openness = openness == null ? Openness.UNKNOWN : openness;
    }

    public PolicyHit(Policy policy, double score, double coverage, String snippet) {
        this(policy, score, coverage, snippet, Openness.UNKNOWN);
    }

    public PolicyHit(Policy policy, double score, String snippet) {
        this(policy, score, 1.0, snippet);
    }

    public PolicyHit judged(Openness judged) {
        return new PolicyHit(policy, score, coverage, snippet, judged);
    }
}
