package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.Retrieval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index tells today by the application's clock (ainfo.clock.fixed fixes it): ages from birth years, current registrations. */
class PolicyIndexClockTest {

    @TempDir
    Path dir;

    PolicyIndex index;

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    private PolicyIndex index(String day) throws IOException {
        Path source = dir.resolve("policies.json");
        // One programme registered in 2025 and again in 2026 in other words: only the 2025 text says 월세.
        Files.writeString(source, "{\"result\":{\"youthPolicyList\":["
                + record("20250301005400210001", "청년 주거비 지원", "청년 월세 지원") + ","
                + record("20260301005400210002", "2026년 청년 주거비 지원", "임차료 보조") + "]}}");
        index = new PolicyIndex();
        index.dataDir = dir.resolve("data").toString();
        index.source = Optional.of(source.toString());
        index.readyTimeout = Duration.ofSeconds(30);
        index.clock = Clock.fixed(Instant.parse(day + "T03:00:00Z"), ZoneId.of("Asia/Seoul"));
        index.reindex();
        return index;
    }

    private static String record(String id, String title, String summary) {
        return "{\"plcyNo\":\"" + id + "\",\"plcyNm\":\"" + title + "\",\"plcyExplnCn\":\"" + summary
                + "\",\"sprvsnInstCdNm\":\"부산광역시\",\"zipCd\":\"26110\",\"sprtTrgtMinAge\":\"19\",\"sprtTrgtMaxAge\":\"39\"}";
    }

    @Test
    void aBirthYearIsCountedAgainstTheApplicationsClock() throws IOException {
        assertEquals(31, index("2030-06-01").read("부산 사는 99년생인데 월세 지원 있어요?").age());
        close();
        assertEquals(27, index("2026-06-01").read("부산 사는 99년생인데 월세 지원 있어요?").age());
    }

    @Test
    void theCurrentRegistrationStandsForAnOlderOneFoundEvenWhenTheSearchMissedIt() throws IOException {
        String question = "부산 사는 25살인데 월세 있어요?";
        Retrieval found = index("2026-12-07").retrieve(question, 5);
        assertEquals(1, found.grounded().size(), "one programme");
        PolicyHit hit = found.grounded().get(0);
        assertEquals("20260301005400210002", hit.policy().id(), "the 2026 registration, though its text lacks 월세");
        assertEquals(1.0, hit.coverage(), 1e-9, "with the match found for the 2025 one");
        close();
        assertEquals("20250301005400210001", index("2026-01-15").retrieve(question, 5).grounded().get(0).policy().id(),
                "before the 2026 registration, the 2025 one is current");
    }
}
