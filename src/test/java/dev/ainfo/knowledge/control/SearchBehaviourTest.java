package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.QuestionFacts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user notices of search: the right programme first, their region respected, statuses and places read from the question. */
class SearchBehaviourTest {

    static PolicySearcher searcher;

    @BeforeAll
    static void open() {
        searcher = IndexStore.open(Corpus.shipped(), Path.of("target", "ainfo-eval-data")).searcher();
    }

    @Test
    void busanInterviewSuitQuestionFindsTheBusanSuitRental() {
        List<PolicyHit> hits = searcher.search("부산 사는 24살인데 면접 정장 빌려주는 거 있어요?", 5);
        PolicyHit top = hits.get(0);
        assertTrue(top.policy().title().contains("드림옷장"), top.policy().title());
        assertTrue(top.policy().regions().contains("부산"));
        assertFalse(top.policy().url().isBlank());
        assertTrue(top.coverage() >= 0.6, "confident enough to answer: " + top.coverage());
    }

    @Test
    void aFeeWordOfTheHandListIsKeptWholeAndSplit() {
        // 이사비 kept whole only, a question saying 이사 ("이사가고 싶은데") found none of the records paying it.
        assertEquals(List.of("이사비", "이사", "비"), KoreanText.terms(KoreanText.analyzer(), "이사비"));
        assertTrue(KoreanText.terms(KoreanText.analyzer(), "응시료").containsAll(List.of("응시료", "응시")));
        // So is 일경험: "일 경험 해볼 수 있는" said the words apart.
        assertEquals(List.of("일경험", "일", "경험"), KoreanText.terms(KoreanText.analyzer(), "일경험"));
        assertTrue(searcher.search("부산 사는 24살 대학생인데 방학 동안 일 경험 해볼 수 있는 프로그램 있어요?", 3).stream()
                .anyMatch(h -> h.policy().title().contains("일경험")));
        List<PolicyHit> hits = searcher.search("서울 관악구 사는 23살인데 고시원에서 이사가고 싶어요 도와주는 거 있어요?", 5);
        assertTrue(hits.stream().limit(3).anyMatch(h -> h.policy().title().contains("이사비")),
                hits.stream().map(h -> h.policy().title()).toList().toString());
    }

    @Test
    void aPlaceNamedInFullIsNoTopicWord() {
        // 제주시 no record's place list held; it counted as a topic word, and every 제주시 programme matched it.
        assertEquals(List.of("모임"), searcher.topicTerms("제주시 사는 25살인데 청년들이 모이는 모임 있어요?"));
        assertEquals("제주", searcher.questions().read("제주시 사는 25살인데 모임 있어요?").province());
    }

    @Test
    void aRegionInTheQuestionKeepsOtherProvincesOut() {
        for (PolicyHit hit : searcher.search("제주 청년 이사비 지원", 10)) {
            assertTrue(hit.policy().nationwide() || hit.policy().regions().contains("제주"), hit.policy().title());
        }
    }

    @Test
    void aCityNameImpliesItsProvince() {
        QuestionFacts facts = searcher.questions().read("진주 사는 취준생인데 면접정장 대여 어디서 해요?");
        assertEquals("경남", facts.province());
        assertTrue(searcher.search("진주 사는 취준생인데 면접정장 대여 어디서 해요?", 1).get(0).policy().title().contains("진주"));
    }

    @Test
    void aWordThatOnlyEndsLikeADistrictNameIsNoPlace() {
        // Titles hold words ending in 구/시/군 that are no 시·군·구 (국제기구, 혁신도시); they must not move the asker.
        QuestionFacts facts = searcher.questions().read("울산 사는 19살인데 국제기구에서 인턴 해볼 수 있어요?");
        assertEquals("울산", facts.province());
        assertTrue(facts.place() == null || !facts.place().startsWith("국제"), facts.place());
    }

    @Test
    void whenAndMoneyAreNoTopic() {
        // "올해의 K-스타트업" must not answer a marriage question because both say 올해.
        List<String> topic = searcher.topicTerms("작년에 결혼했는데 올해 받을 수 있는 돈 있어요?");
        assertTrue(topic.contains("결혼"), topic.toString());
        assertTrue(topic.stream().noneMatch(List.of("작년", "올해", "올", "돈")::contains), topic.toString());
    }

    @Test
    void aSyllableSplitOffACompoundIsNoTopicButAWordOfOneSyllableIs() {
        List<String> topic = searcher.topicTerms("기사 자격증 응시료 지원 있어요?");
        assertTrue(topic.containsAll(List.of("자격증", "응시료")), topic.toString());
        assertFalse(topic.contains("증"), "증 of 자격증 would match 증명사진: " + topic);
        assertTrue(searcher.topicTerms("집 구할 때 도움 받을 수 있어요?").contains("집"));
    }

    @Test
    void aProgrammeListedNationwideServesTheProvinceOfItsBody() {
        // 도민리포터 운영 is listed nationwide in the 2025 export, under 충남 in 2026; 충청남도 runs it.
        assertEquals(List.of("충남"), searcher.servedRegions(searcher.policy("20251112005400211860")));
        assertEquals(List.of(), searcher.servedRegions(searcher.policy("20260527005400113224")), "고용노동부: nationwide");
    }

    @Test
    void ageAndAspectsAreReadFromTheQuestion() {
        QuestionFacts ko = searcher.questions().read("만 27세인데 신청하려면 어떤 서류 필요해요?");
        assertEquals(27, ko.age());
        assertTrue(ko.aspects().contains(QuestionFacts.Aspect.DOCUMENTS));
        assertTrue(ko.aspects().contains(QuestionFacts.Aspect.HOW_TO_APPLY));
        QuestionFacts en = searcher.questions().read("I'm 31 in Daegu, how much is the allowance?");
        assertEquals(31, en.age());
        assertEquals("대구", en.province());
        assertTrue(en.english());
        assertTrue(en.aspects().contains(QuestionFacts.Aspect.AMOUNT));
    }

    @Test
    void anEnglishQuestionFindsTheKoreanRecord() {
        PolicyHit top = searcher.search("I live in Jeju, can I get help with moving costs?", 3).get(0);
        assertTrue(top.policy().title().contains("이사비"), top.policy().title());
        assertTrue(top.policy().regions().contains("제주"));
    }

    @Test
    void aQuestionTheRecordsDoNotCoverHasLowCoverage() {
        List<PolicyHit> hits = searcher.search("비트코인 세금 신고 어떻게 해요?", 3);
        assertTrue(hits.isEmpty() || hits.get(0).coverage() < 0.6, "coverage " + hits.get(0).coverage());
    }
}
