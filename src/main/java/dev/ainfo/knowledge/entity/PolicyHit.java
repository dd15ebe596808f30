package dev.ainfo.knowledge.entity;

/** A policy found for a query, with its retrieval score and a short matching snippet. */
public record PolicyHit(Policy policy, double score, String snippet) {
}
