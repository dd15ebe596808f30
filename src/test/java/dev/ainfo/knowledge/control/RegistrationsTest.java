package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationsTest {

    /** The programmes among the hits' own records, as the index knows them among the corpus's. */
    private static List<PolicyHit> current(List<PolicyHit> hits, String today) {
        List<Policy> records = hits.stream().map(PolicyHit::policy).toList();
        return Registrations.of(records, new Places(records)).current(hits, today);
    }

    private static PolicyHit hit(String id, String title, List<String> districts, double score) {
        Policy p = new Policy(id, title, "기관", "", "교육", "", "", "", "", "", "", "", "", null, null, false,
                List.of("충남"), List.of(), districts, "");
        return new PolicyHit(p, score, 1.0, null);
    }

    @Test
    void theCurrentRegistrationStandsForTheProgrammeEvenWithoutDistricts() {
        // The 2025 registration names its 시·군·구, the 2026 export names none: still one programme.
        List<PolicyHit> kept = current(List.of(
                hit("20251111005400211841", "학교 밖 청소년 진로진학 박람회", List.of("44131", "44133"), 9),
                hit("20260504005400113128", "2026 학교 밖 청소년 진로진학 박람회", List.of(), 8),
                hit("20250101005400000003", "청년 월세 지원", List.of(), 7)), "20261207");
        assertEquals(List.of("20260504005400113128", "20250101005400000003"), kept.stream().map(h -> h.policy().id()).toList());
        assertEquals(9, kept.get(0).score(), "at the place (and score) of the best-ranked registration");
    }

    @Test
    void aRegistrationAfterTodayDoesNotReplaceTheCurrentOne() {
        List<PolicyHit> kept = current(List.of(
                hit("20250101005400000001", "청년 월세 지원", List.of(), 9),
                hit("20270101005400000002", "청년 월세 지원", List.of(), 8)), "20261207");
        assertEquals("20250101005400000001", kept.get(0).policy().id());
    }

    @Test
    void aRegistrationListedNationwideIsTheProvinceOfTheBodyThatRunsIt() {
        Policy listedNationwide = new Policy("20251112005400211860", "도민리포터 운영(청년 리포터)", "충청남도 대변인", "", "참여권리",
                "", "", "", "", "", "", "", "", null, null, true, List.of(), List.of(), List.of(), "");
        List<PolicyHit> hits = List.of(new PolicyHit(listedNationwide, 9, 1.0, null),
                hit("20260504005400113071", "도민리포터 운영(청년 분야)", List.of(), 8));
        List<PolicyHit> kept = current(hits, "20261207");
        assertEquals(List.of("20260504005400113071"), kept.stream().map(h -> h.policy().id()).toList());
    }

    @Test
    void twoCitiesProgrammesOfTheSameNameStayApart() {
        List<PolicyHit> kept = current(List.of(
                hit("20250101005400000001", "청년 월세 지원", List.of("44131"), 9),
                hit("20260101005400000002", "청년 월세 지원", List.of("44200"), 8)), "20261207");
        assertEquals(2, kept.size());
    }

    private static PolicyHit by(String id, String title, String institution, double score) {
        Policy p = new Policy(id, title, institution, "", "교육", "", "", "", "", "", "", "", "", null, null, false,
                List.of("부산"), List.of(), List.of(), "");
        return new PolicyHit(p, score, 1.0, null);
    }

    @Test
    void aProgrammeItsBodyRenamedByAddingWordsIsOneProgramme() {
        List<PolicyHit> kept = current(List.of(
                by("20250515005400210830", "부산 학자금 대출이자 지원", "부산광역시", 9),
                by("20260430005400212951", "부산 대학생 학자금 대출이자 지원", "부산광역시 청년산학국 지산학협력과", 8)), "20261207");
        assertEquals(List.of("20260430005400212951"), kept.stream().map(h -> h.policy().id()).toList());
        assertEquals(9, kept.get(0).score());
    }

    @Test
    void anotherBodysProgrammeOrATitleThatLacksAWordStaysApart() {
        assertEquals(2, current(List.of(
                by("20250515005400210830", "부산 학자금 대출이자 지원", "부산광역시", 9),
                by("20260430005400212951", "부산 대학생 학자금 대출이자 지원", "한국장학재단", 8)), "20261207").size(),
                "another body");
        assertEquals(2, current(List.of(
                by("20250515005400210830", "부산 청년 학자금 대출이자 지원", "부산광역시", 9),
                by("20260430005400212951", "부산 대학생 학자금 대출이자 지원", "부산광역시", 8)), "20261207").size(),
                "청년 is not in the newer title");
        assertEquals(2, current(List.of(
                by("20250515005400210830", "창업", "부산광역시", 9),
                by("20260430005400212951", "창업 공간 지원", "부산광역시", 8)), "20261207").size(),
                "a one-word title is too little to tell");
    }
}
