package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
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

    // Real record pairs of the shipped corpus, grouped as the index groups them.

    static Registrations shipped;
    static Map<String, Policy> byId;

    @BeforeAll
    static void groupTheShippedCorpus() {
        List<Policy> corpus = Corpus.shipped();
        shipped = Registrations.of(corpus, new Places(corpus));
        byId = corpus.stream().collect(Collectors.toMap(Policy::id, Function.identity()));
    }

    private static boolean oneProgramme(String a, String b) {
        return shipped.same(byId.get(a), byId.get(b));
    }

    @Test
    void aProgrammeRegisteredAgainWithGenericLastWordsATemporaryMarkerOrAnotherCohortIsOne() {
        assertTrue(oneProgramme("20250716005400211308", "20260421005400212797"), "청년 이사비 지원 → 청년 이사비 지원사업 (제주)");
        assertTrue(oneProgramme("20250502005400110774", "20260319005400112218"),
                "청년월세 한시 특별지원 → (국토부) 26년 청년월세 지원사업 (국토교통부)");
        assertTrue(oneProgramme("20250305005400110591", "20250617005400110962"), "K-Shield 주니어 14기 → 15기");
    }

    @Test
    void oneBodysProgrammeWithItsPlaceInFrontOrOneWordShorterIsOne() {
        assertTrue(oneProgramme("20250103005400210030", "20260504005400213026"), "임신축하금 지원사업 [서산시] → 서산시 임신축하금 지원");
        assertTrue(oneProgramme("20250204005400110409", "20260527005400113224"),
                "청년 국가기술자격시험 응시료 → 청년 국가기술자격 응시료 (고용노동부)");
        assertTrue(oneProgramme("20250714005400111206", "20260402005400212392"),
                "청년농업인 영농정착금 지원사업 → 청년농업인 영농정착 지원 (울산광역시)");
    }

    @Test
    void aProgrammeRenamedWithItsFormerNameInBracketsIsOne() {
        assertTrue(oneProgramme("20250515005400210827", "20260513005400213197"),
                "부산청년 기쁨두배통장 → 부산 청년 자산형성 지원(부산청년 기쁨두배통장)");
        assertTrue(oneProgramme("20250517005400210846", "20260513005400213190"),
                "부산 신진청년예술인 인큐베이팅 및 경력개발 지원 → 부산 신진예술인 육성 지원(신진청년예술인 인큐베이팅 및 경력 개발 지원)");
    }

    @Test
    void differentProgrammesStayApart() {
        assertFalse(oneProgramme("20260408005400212615", "20260413005400212690"), "광주's 청년도전지원사업 and 광산구's");
        assertFalse(oneProgramme("20260408005400212599", "20260408005400212632"), "광주's 자격증 취득지원 and 광산구's 취득비용");
        assertFalse(oneProgramme("20250904005400211643", "20260325005400212269"), "김천's 보증료 지원 (47150) and 청송군's");
        assertFalse(oneProgramme("20250917005400211729", "20250917005400211728"), "경남 청년 보금자리 and 청년 농촌보금자리: two bodies");
        assertFalse(oneProgramme("20250618005400111040", "20250618005400111027"), "WFK 청년중기봉사단 and 청년봉사단, one year");
        assertFalse(oneProgramme("20250714005400111206", "20250430005400210740"), "울산's 영농정착 and 강원's");
    }

    @Test
    void theCorpussCurrentRegistrationStandsForAnOlderOneFound() {
        Policy older = byId.get("20250502005400110774");
        List<PolicyHit> found = List.of(new PolicyHit(older, 20, 0.8, null));
        PolicyHit now = shipped.current(found, "20261207").get(0);
        assertEquals("20260319005400112218", now.policy().id(), "(국토부) 26년 청년월세 지원사업, though not found");
        assertEquals(20, now.score());
        assertEquals(0.8, now.coverage());
        assertEquals(older, shipped.current(found, "20260101").get(0).policy(), "not before its registration day");
    }
}
