package dev.ainfo.profile.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.profile.entity.Profile;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What PUT /api/profile accepts and refuses, and how an age becomes a birth year. */
class ProfileReaderTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Clock MARCH_2026 = Clock.fixed(Instant.parse("2026-03-01T03:00:00Z"), SEOUL);
    static final ProfileReader READER = new ProfileReader(MARCH_2026);

    @Test
    void anAgeBecomesTheBirthYearThatGivesItBackByTheClocksYear() {
        Profile profile = READER.read("{\"age\": 26}");
        assertEquals(2000, profile.birthYear());
        assertEquals(26, profile.age(LocalDate.now(MARCH_2026)));
        assertEquals(1999, READER.read("{\"birthYear\": 1999}").birthYear());
        assertEquals(2000, READER.read("{\"age\": 26, \"birthYear\": 2000}").birthYear(), "agreeing values are accepted");
    }

    @Test
    void theYearIsTakenInTheClocksZone() {
        // 15:30 UTC on New Year's Eve is already 2027 in Seoul.
        Clock newYear = Clock.fixed(Instant.parse("2026-12-31T15:30:00Z"), SEOUL);
        assertEquals(2001, new ProfileReader(newYear).read("{\"age\": 26}").birthYear());
        assertEquals(2000, new ProfileReader(newYear.withZone(ZoneId.of("UTC"))).read("{\"age\": 26}").birthYear());
    }

    @Test
    void agesAndBirthYearsOutsideTheRangeOrOfTheWrongTypeAreRefused() {
        for (String body : List.of("{\"age\": 13}", "{\"age\": 100}", "{\"age\": -1}", "{\"age\": 25.5}", "{\"age\": \"25\"}",
                "{\"age\": 1e1}", "{\"age\": 99999999999}", "{\"age\": true}", "{\"birthYear\": 1926}", "{\"birthYear\": 2013}",
                "{\"birthYear\": \"2000\"}", "{\"age\": 26, \"birthYear\": 1999}")) {
            assertThrows(InvalidProfile.class, () -> READER.read(body), body);
        }
        assertEquals(1927, READER.read("{\"age\": 99}").birthYear());
        assertEquals(2012, READER.read("{\"age\": 14}").birthYear());
    }

    @Test
    void regionsAreNormalisedToTheShortProvinceNameAndCheckedAgainstTheKnownDistricts() {
        Profile mapo = READER.read("{\"province\": \"서울특별시\", \"district\": \"마포구\"}");
        assertEquals("서울", mapo.province());
        assertEquals("마포구", mapo.district());
        assertEquals("서울", READER.read("{\"province\": \"Seoul\"}").province());
        assertEquals("서울", READER.read("{\"district\": \"마포구\"}").province(), "an unambiguous district names its province");
        assertEquals("경남", READER.read("{\"province\": \"경남\", \"district\": \"진주시\"}").province());
        for (String body : List.of("{\"province\": \"서울\", \"district\": \"해운대구\"}", "{\"district\": \"중구\"}",
                "{\"province\": \"서울\", \"district\": \"가나다라구\"}", "{\"province\": \"서울\", \"district\": \"마포\"}",
                "{\"province\": \"서울\", \"district\": \"Mapo-gu\"}", "{\"province\": \"뉴욕\"}", "{\"province\": 11}",
                "{\"province\": [\"서울\"]}")) {
            assertThrows(InvalidProfile.class, () -> READER.read(body), body);
        }
        assertEquals("부산", READER.read("{\"province\": \"부산\", \"district\": \"중구\"}").province());
    }

    @Test
    void statusIsOneOfTheNamedValues() {
        assertEquals(Profile.Status.JOB_SEEKER, READER.read("{\"status\": \"JOB_SEEKER\"}").status());
        for (String body : List.of("{\"status\": \"student\"}", "{\"status\": \"ADMIN\"}", "{\"status\": 1}", "{\"status\": {}}")) {
            assertThrows(InvalidProfile.class, () -> READER.read(body), body);
        }
    }

    @Test
    void interestsAreStrippedDeduplicatedAndBounded() {
        assertEquals(List.of("주거", "취업"), READER.read("{\"interests\": [\" 주거 \", \"취업\", \"주거\"]}").interests());
        assertEquals(List.of("가".repeat(30)), READER.read("{\"interests\": [\"" + "가".repeat(30) + "\"]}").interests());
        String eleven = "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]";
        for (String body : List.of("{\"interests\": " + eleven + "}", "{\"interests\": [\"" + "가".repeat(31) + "\"]}",
                "{\"interests\": [\" \"]}", "{\"interests\": [\"a\\u0000b\"]}", "{\"interests\": [1]}",
                "{\"interests\": \"주거\"}", "{\"interests\": [[\"주거\"]]}")) {
            assertThrows(InvalidProfile.class, () -> READER.read(body), body);
        }
    }

    @Test
    void anythingButOneKnownJsonObjectIsRefused() {
        for (String body : List.of("", " ", "null", "[]", "[{\"age\": 26}]", "\"서울\"", "26", "{", "{\"age\": 26",
                "{\"age\": 26} {}", "{\"age\": 26, \"age\": 27}", "{\"name\": \"kim\"}", "{'age': 26}")) {
            assertThrows(InvalidProfile.class, () -> READER.read(body), body);
        }
        assertTrue(READER.read("{}").isEmpty());
        assertTrue(READER.read("{\"age\": null, \"province\": \"  \", \"interests\": []}").isEmpty(), "blank and null are unknown");
        assertThrows(InvalidProfile.class, () -> READER.read(null));
    }
}
