package dev.ainfo.knowledge.entity;

import java.util.List;

/** One youth-policy programme from the 온통청년 corpus, cleaned. Null ages mean no known limit. */
public record Policy(
        String id,
        String title,
        String institution,
        String url,
        String category,
        String subCategory,
        String summary,
        String support,
        String eligibility,
        String applyMethod,
        String documents,
        String selection,
        String period,
        Integer minAge,
        Integer maxAge,
        boolean nationwide,
        List<String> regions,
        List<String> keywords) {
}
