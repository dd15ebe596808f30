package dev.ainfo.knowledge.entity;

import java.util.Set;

/**
 * What a question says about the asker and the kind of answer wanted, read before retrieval.
 * {@code province} is a short name such as 부산, {@code place} a city or district name such as
 * 해운대구; {@code status} what the asker does (취준생, 대학생, 직장인…); {@code aspects} are the parts of a
 * record the asker cares about; {@code nationwide} means the asker wants programmes open to everyone in Korea.
 */
public record QuestionFacts(String province, String place, Integer age, String category, Set<Aspect> aspects,
                            boolean english, boolean nationwide, Status status) {

    public enum Aspect { ELIGIBILITY, HOW_TO_APPLY, DOCUMENTS, AMOUNT, PERIOD, CONTACT }

    /** What the asker does; the names match the profile's statuses. */
    public enum Status { STUDENT, JOB_SEEKER, EMPLOYED, SELF_EMPLOYED, OTHER }

    public QuestionFacts {
        aspects = aspects == null ? Set.of() : Set.copyOf(aspects);
    }

    public QuestionFacts(String province, String place, Integer age, String category, Set<Aspect> aspects,
                         boolean english, boolean nationwide) {
        this(province, place, age, category, aspects, english, nationwide, null);
    }

    /**
     * These facts, with the asker's region, age and status taken from {@code defaults} where these lack them;
     * likewise the aspects asked about and the asker's language, which a follow-up searched by the
     * conversation's topic alone leaves to the question it came from.
     */
    public QuestionFacts orElse(QuestionFacts defaults) {
        if (defaults == null) {
            return this;
        }
        String region = province != null ? province : place == null ? defaults.province : null;
        String town = place != null ? place
                : region != null && region.equals(defaults.province) ? defaults.place : null;
        boolean ownRegion = province != null || place != null;
        return new QuestionFacts(region, town,
                age != null ? age : defaults.age, category != null ? category : defaults.category,
                aspects.isEmpty() ? defaults.aspects : aspects, english || defaults.english,
                nationwide || (!ownRegion && defaults.nationwide), status != null ? status : defaults.status);
    }
}
