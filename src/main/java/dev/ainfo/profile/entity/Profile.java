package dev.ainfo.profile.entity;

import java.time.LocalDate;
import java.util.List;

/**
 * What a user told us about themselves once, so that a question that leaves out age, region or
 * status is matched as if it had said them. A question's own facts always win over these.
 * {@code province} is a 시/도 short name such as 서울, {@code district} a 시/군/구 such as 마포구;
 * every field may be null (unknown).
 */
public record Profile(Integer birthYear, String province, String district, Status status, List<String> interests) {

    public enum Status { STUDENT, JOB_SEEKER, EMPLOYED, SELF_EMPLOYED, OTHER }

    public static final Profile EMPTY = new Profile(null, null, null, null, List.of());

    public Profile {
        interests = interests == null ? List.of() : List.copyOf(interests);
    }

    /** Korean age as policies count it (만 나이 is not knowable from a year alone): the year's difference. */
    public Integer age(LocalDate today) {
        return birthYear == null ? null : today.getYear() - birthYear;
    }

    public boolean isEmpty() {
        return birthYear == null && province == null && district == null && status == null && interests.isEmpty();
    }
}
