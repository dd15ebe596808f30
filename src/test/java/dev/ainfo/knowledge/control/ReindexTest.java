package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.Retrieval;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator drops a fresh API dump where ainfo.knowledge.source points and re-ingests without a restart. */
class ReindexTest {

    @TempDir
    Path dir;

    PolicyIndex index;

    PolicyIndex index(Path source) {
        index = new PolicyIndex();
        index.dataDir = dir.resolve("data").toString();
        index.source = Optional.of(source.toString());
        index.minCoverage = 0.6;
        index.readyTimeout = Duration.ofSeconds(30);
        return index;
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    static void dump(Path file, String... titles) throws IOException {
        StringBuilder json = new StringBuilder("{\"result\":{\"youthPolicyList\":[");
        for (int i = 0; i < titles.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"plcyNo\":\"2026010100540021000").append(i)
                    .append("\",\"plcyNm\":\"").append(titles[i]).append("\",\"plcyExplnCn\":\"").append(titles[i])
                    .append(" 지원\",\"zipCd\":\"26110\",\"sprtTrgtMinAge\":\"19\",\"sprtTrgtMaxAge\":\"39\"}");
        }
        Files.writeString(file, json.append("]}}").toString());
    }

    @Test
    void aFreshDumpIsSearchableAfterReindexWithoutRestart() throws IOException {
        Path source = dir.resolve("dump");
        Files.createDirectories(source);
        dump(source.resolve("policies.json"), "청년 월세 지원", "면접 정장 대여");
        PolicyIndex index = index(source);
        Map<String, Object> first = index.reindex();
        assertEquals(2, first.get("policies"));
        assertEquals("built", first.get("index"));

        dump(source.resolve("policies.json"), "청년 월세 지원", "면접 정장 대여", "청년 이사비 지원");
        Map<String, Object> second = index.reindex();
        assertEquals(3, second.get("policies"));
        Retrieval moving = index.retrieve("부산 청년 이사비 지원 있어요?", 5);
        assertFalse(moving.abstained());
        assertEquals("청년 이사비 지원", moving.grounded().get(0).policy().title());
        assertTrue(index.find("20260101005400210002").isPresent());
    }

    @Test
    void theSameCorpusIsLoadedNotBuiltAgain() throws IOException {
        Path source = dir.resolve("one.json");
        dump(source, "청년 월세 지원");
        assertEquals("built", index(source).reindex().get("index"));
        index.close();
        assertEquals("loaded", index(source).reindex().get("index"));
    }

    @Test
    void aQuestionTheRecordsDoNotCoverIsAbstainedOn() throws IOException {
        Path source = dir.resolve("one.json");
        dump(source, "청년 월세 지원", "면접 정장 대여");
        index(source).reindex();
        Retrieval retrieval = index.retrieve("비트코인 세금 신고 어떻게 해요?", 5);
        assertTrue(retrieval.abstained());
        assertTrue(retrieval.grounded().isEmpty());
    }
}
