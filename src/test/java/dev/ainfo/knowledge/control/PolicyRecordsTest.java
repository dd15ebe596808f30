package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.Policy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyRecordsTest {

    static Map<String, String> raw(String id, String... pairs) {
        Map<String, String> row = new HashMap<>(Map.of("plcyNo", id, "plcyNm", "테스트 정책", "zipCd", "26110,26140,",
                "sprtTrgtAgeLmtYn", "N", "sprtTrgtMinAge", "19", "sprtTrgtMaxAge", "39", "sprvsnInstCdNm", "부산광역시",
                "sprvsnInstPicNm", "홍길동", "operInstPicNm", "김철수"));
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], pairs[i + 1]);
        }
        return row;
    }

    static Map<String, String> simplified(String id, String... pairs) {
        Map<String, String> row = new HashMap<>(Map.of("id", id, "name", "간단 정책", "regions", "광주", "nationwide", "false"));
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], pairs[i + 1]);
        }
        return row;
    }

    @Test
    void theInvertedAgeFlagMeansNoLimit() {
        Policy unrestricted = PolicyRecords.fromRows(List.of(raw("1", "sprtTrgtAgeLmtYn", "Y", "sprtTrgtMinAge", "0",
                "sprtTrgtMaxAge", "0"))).get(0);
        Policy limited = PolicyRecords.fromRows(List.of(raw("2"))).get(0);
        assertNull(unrestricted.minAge());
        assertNull(unrestricted.maxAge());
        assertTrue(unrestricted.admitsAge(60));
        assertEquals(19, limited.minAge());
        assertEquals(39, limited.maxAge());
        assertFalse(limited.admitsAge(40));
    }

    @Test
    void htmlEntitiesAreDecodedEvenWhenDoubleEncoded() {
        Policy p = PolicyRecords.fromRows(List.of(raw("1", "plcySprtCn", "월 20만원&middot;최대 &apos;12개월&apos; &amp;lt;공고&amp;gt;"))).get(0);
        assertEquals("월 20만원·최대 '12개월' <공고>", p.support());
    }

    @Test
    void officialsNamesAreDropped() {
        Policy p = PolicyRecords.fromRows(List.of(raw("1"))).get(0);
        assertFalse(p.toString().contains("홍길동"), p.toString());
        assertFalse(p.toString().contains("김철수"), p.toString());
    }

    @Test
    void recordsAreJoinedOnPolicyNumberAndTheRawRecordWins() {
        List<Policy> policies = PolicyRecords.fromRows(List.of(
                simplified("1", "name", "나중 이름", "minAge", "0"),
                raw("1", "addAplyQlfcCndCn", "부산 거주 청년"),
                simplified("2", "summary", "만 19세~34세 청년 대상 지원", "minAge", "18", "maxAge", "45")));
        assertEquals(2, policies.size());
        Policy joined = policies.stream().filter(p -> p.id().equals("1")).findFirst().orElseThrow();
        assertEquals("테스트 정책", joined.title());
        assertTrue(joined.eligibility().contains("부산 거주 청년"));
        assertEquals(List.of("부산"), joined.regions());
        Policy later = policies.stream().filter(p -> p.id().equals("2")).findFirst().orElseThrow();
        assertEquals(19, later.minAge(), "the 2026 file's ages give way to the policy's own text");
        assertEquals(34, later.maxAge());
        assertEquals(List.of("광주"), later.regions());
    }

    @Test
    void aPolicyOpenInEveryProvinceIsNationwide() {
        String everywhere = "11110,26110,27110,28110,29110,30110,31110,36110,41110,43110,44130,46110,47110,48120,50110,51110,52110";
        Policy p = PolicyRecords.fromRows(List.of(raw("1", "zipCd", everywhere))).get(0);
        assertTrue(p.nationwide());
        assertTrue(p.regions().isEmpty());
    }

    @Test
    void aPolicyWithoutAnyLinkPointsToThePortal() {
        Policy p = PolicyRecords.fromRows(List.of(raw("20250101005400210001"))).get(0);
        assertTrue(p.url().startsWith("https://www.youthcenter.go.kr/"), p.url());
        Policy linked = PolicyRecords.fromRows(List.of(raw("2", "aplyUrlAddr", "https://apply.example.kr"))).get(0);
        assertEquals("https://apply.example.kr", linked.url());
    }
}
