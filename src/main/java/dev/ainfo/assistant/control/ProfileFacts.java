package dev.ainfo.assistant.control;

import dev.ainfo.knowledge.entity.QuestionFacts;
import dev.ainfo.profile.entity.Profile;
import java.time.LocalDate;

/** A profile read as the facts a question might have stated: the defaults a question's own facts override. */
final class ProfileFacts {

    private ProfileFacts() {
    }

    /** Null for an empty profile; the interests become the category, the topic of a question that names none. */
    static QuestionFacts of(Profile profile, LocalDate today) {
        if (profile == null || profile.isEmpty()) {
            return null;
        }
        QuestionFacts.Status status = profile.status() == null ? null : QuestionFacts.Status.valueOf(profile.status().name());
        String interests = profile.interests().isEmpty() ? null : String.join(" ", profile.interests());
        return new QuestionFacts(blankToNull(profile.province()), blankToNull(profile.district()), profile.age(today),
                interests, null, false, false, status);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
