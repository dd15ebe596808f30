package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.Policy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Places a question names: the records' own names first, then any 시·군·구 of the administrative list in full. */
class PlacesTest {

    private static final Places NO_RECORDS = new Places(List.of());

    @Test
    void aDistrictNoRecordNamesIsReadByItsFullName() {
        assertEquals(new Places.Place("마포구", "서울"), NO_RECORDS.find("서울 마포구 사는 26살이에요").orElseThrow());
        // 제주시 is a city of 제주, not the province: its short name is the province's.
        assertEquals(new Places.Place("제주시", "제주"), NO_RECORDS.find("제주시 사는 25살인데 모임 있어요?").orElseThrow());
        assertEquals(new Places.Place("중구", null), NO_RECORDS.find("중구에 살아요").orElseThrow(), "several provinces have one");
    }

    @Test
    void theShortNameOfAListedDistrictIsNotReadBeingAWordToo() {
        assertTrue(NO_RECORDS.find("수영 배우고 싶어요").isEmpty(), "수영구");
        assertTrue(NO_RECORDS.find("예산이 얼마나 돼요?").isEmpty(), "예산군");
        assertFalse(NO_RECORDS.find("예산군 사는 24살").isEmpty());
    }

    @Test
    void theShortNameOfAListedDistrictIsReadWhenSaidAsWhereTheAskerLives() {
        assertEquals(new Places.Place("성남", "경기"), NO_RECORDS.find("성남 사는 26살 취준생이에요").orElseThrow());
        assertEquals(new Places.Place("경산", "경북"), NO_RECORDS.find("경산에 살고 있는 대학생인데 대구경북 교육 있어요?").orElseThrow(),
                "경산 is 경북's, whatever else the question names");
        assertEquals(new Places.Place("예산", "충남"), NO_RECORDS.find("예산 거주 24살인데 일자리 있어요?").orElseThrow());
        assertEquals(new Places.Place("목포", "전남"), NO_RECORDS.find("목포 출신인데 서울에서 일해요").orElseThrow());
        assertEquals(new Places.Place("고성", null), NO_RECORDS.find("고성 사는 27살").orElseThrow(), "강원 and 경남 both have one");
    }

    @Test
    void theShortNameOfAListedDistrictIsReadAfterItsOwnProvince() {
        assertEquals(new Places.Place("성남", "경기"), NO_RECORDS.find("경기 성남 분당구 사는 26살").orElseThrow());
        assertEquals(new Places.Place("안양", "경기"), NO_RECORDS.find("경기도 안양 동안구 25살이에요").orElseThrow());
        assertTrue(NO_RECORDS.find("충남 예산 얼마나 돼요?").isPresent());
        assertTrue(NO_RECORDS.find("서울 예산 얼마나 돼요?").isEmpty(), "예산군 is 충남's, not 서울's");
    }

    @Test
    void aShortNameNotSaidAsAPlaceIsAWord() {
        assertTrue(NO_RECORDS.find("고양이 사는 집 지원 있어요?").isEmpty(), "고양이 is a cat, not 고양시");
        assertTrue(NO_RECORDS.find("의령에 한 달 살아보기 있어요?").isEmpty(), "trying a place is not living there");
        assertTrue(NO_RECORDS.find("의령에 살아보기 있어요?").isEmpty());
        assertTrue(NO_RECORDS.find("예산 지원 사업 있어요?").isEmpty());
    }

    @Test
    void aNameTheRecordsUseWinsOverAListedOne() {
        Policy uiryeong = new Policy("20250101005400000001", "청년 의령 살아보기", "경상남도 의령군", "", "참여권리", "", "", "", "",
                "", "", "", "", null, null, false, List.of("경남"), List.of(), List.of(), "");
        Places places = new Places(List.of(uiryeong));
        assertEquals(new Places.Place("의령", "경남"), places.find("의령에 한 달 살아보기 있어요? 대구 달서구 살아요").orElseThrow());
        assertEquals(new Places.Place("달서구", "대구"), NO_RECORDS.find("의령에 한 달 살아보기 있어요? 대구 달서구 살아요").orElseThrow());
    }

    @Test
    void theAnalyzerKeepsADistrictsNameWhole() {
        // Nori alone made 평/택시 of 평택시 and 속/초시 of 속초시.
        List<String> terms = KoreanText.terms(KoreanText.analyzer(), "2026 평택시 청년봉사단, 속초시 청년 지원");
        assertTrue(terms.containsAll(List.of("평택시", "평택", "속초시", "속초")), terms.toString());
        assertFalse(terms.contains("택시"), terms.toString());
    }
}
