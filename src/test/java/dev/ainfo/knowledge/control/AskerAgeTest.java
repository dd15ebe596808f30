package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Ages said outright and birth years, counted against a fixed clock. */
class AskerAgeTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final AskerAge IN_2026 = new AskerAge(Clock.fixed(Instant.parse("2026-06-01T03:00:00Z"), SEOUL));

    static Integer age(AskerAge ages, String text) {
        return ages.of(text, text.toLowerCase(Locale.ROOT));
    }

    @Test
    void aKoreanBirthYearIsAnAgeThisYear() {
        assertEquals(27, age(IN_2026, "99년생인데 월세 지원 받을 수 있어요?"));
        assertEquals(25, age(IN_2026, "2001년생 취준생이에요"));
        assertEquals(25, age(IN_2026, "01년생이고 대전 살아요"));
        assertEquals(30, age(IN_2026, "1996년에 태어났는데 청년 맞나요?"));
    }

    @Test
    void anEnglishBirthYearIsAnAgeThisYear() {
        assertEquals(27, age(IN_2026, "I was born in 1999 and live in Busan"));
        assertEquals(27, age(IN_2026, "born in '99, looking for a job"));
        assertEquals(25, age(IN_2026, "I was born 2001. Any housing help?"));
    }

    @Test
    void theSameBirthYearIsAYearOlderNextYear() {
        AskerAge in2027 = new AskerAge(Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), SEOUL));
        assertEquals(28, age(in2027, "99년생이에요"));
        assertEquals(28, age(in2027, "born in 1999"));
    }

    @Test
    void anAgeSaidOutrightWinsOverABirthYear() {
        assertEquals(26, age(IN_2026, "99년생인데 만 26세예요"));
        assertEquals(26, age(IN_2026, "I'm 26, born in 1999"));
    }

    @Test
    void aYearThatCannotBeTheAskersIsNoAge() {
        assertNull(age(IN_2026, "24년생 아기가 있어요. 양육 지원 있나요?"), "the asker's child");
        assertEquals(31, age(IN_2026, "24년생 아기가 있는 95년생 엄마예요"), "the next year that can be the asker's");
        assertNull(age(IN_2026, "2025년 생활비 지원 있어요?"), "a programme year, not a birth year");
        assertNull(age(IN_2026, "born in 2020"));
    }

    @Test
    void koreanAgesAndBirthYearsAreNoSearchWords() {
        assertEquals(List.of("인데", "월세"), List.of(AskerAge.without("99년생인데 월세").strip().split("\\s+")));
        assertEquals("2025년 생활비", AskerAge.without("2025년 생활비"));
    }
}
