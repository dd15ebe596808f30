package dev.ainfo.knowledge.entity;

import java.util.List;

/**
 * One youth-policy programme from the 온통청년 corpus, cleaned. Null ages mean no known limit.
 * {@code districts} are the 5-digit 시군구 codes whose residents may apply (empty when unknown);
 * {@code notes} holds the record's remaining remarks (기타사항). {@code period} is the application window
 * as the record states it (dates, "상시" or free text); {@code business} the programme's own period
 * ("2025.01.01 ~ 2025.12.31"), empty when the record has none.
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
        String notes,
        String business) {

    public Policy {
        regions = regions == null ? List.of() : List.copyOf(regions);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        districts = districts == null ? List.of() : List.copyOf(districts);
        business = business == null ? "" : business;
    }

    /** A record without a programme period (the simplified export has none). */
    public Policy(String id, String title, String institution, String url, String category, String subCategory,
                  String summary, String support, String eligibility, String applyMethod, String documents,
                  String selection, String period, Integer minAge, Integer maxAge, boolean nationwide,
                  List<String> regions, List<String> keywords, List<String> districts, String notes) {
        this(id, title, institution, url, category, subCategory, summary, support, eligibility, applyMethod, documents,
                selection, period, minAge, maxAge, nationwide, regions, keywords, districts, notes, "");
    }

    /** The day the portal first registered the record: plcyNo begins with it (YYYYMMDD). */
    public String registered() {
        return id != null && id.length() >= 8 && id.substring(0, 8).chars().allMatch(Character::isDigit)
                ? id.substring(0, 8) : "";
    }

    /** Whether someone of this age may apply, as far as the record says. */
    public boolean admitsAge(int age) {
        return (minAge == null || age >= minAge) && (maxAge == null || age <= maxAge);
    }
}
