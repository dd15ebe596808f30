package dev.ainfo.knowledge.entity;

import java.util.Set;

/**
 * What a question says about the asker and the kind of answer wanted, read before retrieval.
 * {@code province} is a short name such as 부산, {@code place} a city or district name such as
 * 해운대구; {@code aspects} are the parts of a record the asker cares about; {@code nationwide} means the
 * asker wants programmes open to everyone in Korea.
 */
public record QuestionFacts(String province, String place, Integer age, String category, Set<Aspect> aspects,
                            boolean english, boolean nationwide) {

    public enum Aspect { ELIGIBILITY, HOW_TO_APPLY, DOCUMENTS, AMOUNT, PERIOD, CONTACT }

    public QuestionFacts {
        aspects = aspects == null ? Set.of() : Set.copyOf(aspects);
    }
}
