package dev.ainfo.knowledge.entity;

import java.util.List;

/**
 * One youth-policy programme from the 온통청년 corpus, cleaned. Null ages mean no known limit.
 * {@code districts} are the 5-digit 시군구 codes whose residents may apply (empty when unknown);
 * {@code notes} holds the record's remaining remarks (기타사항).
 */
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
        List<String> keywords,
        List<String> districts,
        String notes) {

    public Policy {
        regions = regions == null ? List.of() : List.copyOf(regions);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        districts = districts == null ? List.of() : List.copyOf(districts);
    }

    /** Whether someone of this age may apply, as far as the record says. */
    public boolean admitsAge(int age) {
        return (minAge == null || age >= minAge) && (maxAge == null || age <= maxAge);
    }
}
