package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** Related words are read from which records share them, and let a record that says a word differently cover part of it. */
class RelatedTermsTest {

    private static Policy policy(int n, String title, String summary) {
        return new Policy(String.format("202501010054%08d", n), title, "기관", "", "일자리", "", summary, "", "", "", "", "",
                "", null, null, true, List.of(), List.of(), List.of(), "", "");
    }

    /** Three savings records say 목돈 and 적립; two more say only 적립 and 저축; the rest are about other things. */
    private static List<Policy> corpus() {
        List<Policy> corpus = new ArrayList<>(List.of(
                policy(1, "청년 희망 통장", "근로자 목돈 마련 적립 지원"),
                policy(2, "재형 저축 사업", "목돈 마련 적립 저축"),
                policy(3, "근속 장려금", "장기 근속 목돈 적립"),
                policy(4, "청년 더하기 사업", "만기 적립 저축 수령"),
                policy(5, "청년 계좌 사업", "적립 저축 매칭"),
                policy(6, "면접 정장 대여", "면접 정장 무료 대여")));
        String[] others = {"월세 주거 임차", "창업 공간 입주", "어학 시험 응시료", "문화 공연 관람", "농업 영농 정착",
            "심리 상담 치유", "해외 연수 파견", "교통 요금 할인", "결혼 예식 비용", "건강 검진 진료"};
        for (int i = 0; i < others.length; i++) {
            corpus.add(policy(10 + i, others[i].split(" ")[0] + " 사업", others[i]));
        }
        return corpus;
    }

    private static Map<String, Double> strengths(List<RelatedTerms.Related> related) {
        return related.stream().collect(Collectors.toMap(RelatedTerms.Related::term, RelatedTerms.Related::strength));
    }

    @Test
    void wordsTheSameRecordsUseAreRelatedAndARareWordHasNone() throws IOException {
        try (Directory dir = new ByteBuffersDirectory(); PolicySearcher searcher = new PolicySearcher(corpus(), dir);
                DirectoryReader index = DirectoryReader.open(dir)) {
            RelatedTerms related = RelatedTerms.of(index, PolicySearcher.DESCRIPTIVE);
            List<RelatedTerms.Related> of = related.of("목돈");
            Map<String, Double> strength = strengths(of);
            assertTrue(strength.containsKey("적립"), of.toString());
            assertTrue(strength.get("적립") > strength.getOrDefault("저축", 0.0),
                    "every 목돈 record says 적립, only one 저축: " + of);
            assertFalse(strength.containsKey("월세"), "no record says both");
            for (int i = 1; i < of.size(); i++) {
                assertTrue(of.get(i - 1).strength() >= of.get(i).strength(), "strongest first");
            }
            assertEquals(List.of(), related.of("정장"), "one record is no evidence of what a word relates to");
            assertEquals(List.of(), related.of("없는말"));
            assertFalse(strengths(related.of("목돈", List.of("적립"))).containsKey("적립"),
                    "a word the question says itself is no relation of another of its words");
            assertEquals(0, related.strength(2, 8, 4), 0.0, "two words of 16 records sharing as many as chance would are unrelated");
        }
    }

    @Test
    void placeNamesAndQuestionWordsRelateToNothing() {
        assertTrue(RelatedTerms.meaningful("적립"));
        assertFalse(RelatedTerms.meaningful("경산"), "a short 시·군·구 name shares records by place, not meaning");
        assertFalse(RelatedTerms.meaningful("평택시"));
        assertFalse(RelatedTerms.meaningful("부산"));
        assertFalse(RelatedTerms.meaningful("신청"));
        assertFalse(RelatedTerms.meaningful("2025"));
        assertFalse(RelatedTerms.meaningful("금"), "one syllable");
    }

    @Test
    void aRelatedWordEarnsPartOfTheWordAndNeverAllOfIt() {
        List<RelatedTerms.Related> related = List.of(new RelatedTerms.Related("적립", 0.9), new RelatedTerms.Related("저축", 0.2));
        assertEquals(Coverage.MAX_RELATED_CREDIT, Coverage.relatedCredit(related, "적립"::equals), 1e-12);
        assertTrue(Coverage.MAX_RELATED_CREDIT < 1);
        assertEquals(Coverage.RELATED_CREDIT * 0.2, Coverage.relatedCredit(related, "저축"::equals), 1e-12);
        assertEquals(0, Coverage.relatedCredit(related, t -> false), 0.0);
    }

    @Test
    void aRecordSayingTheWordDifferentlyCoversPartOfItAndRanksBehindOneSayingIt() throws IOException {
        try (Directory dir = new ByteBuffersDirectory(); PolicySearcher searcher = new PolicySearcher(corpus(), dir)) {
            Map<String, PolicyHit> hits = searcher.search("목돈 모으는 거 있어요?", 16).stream()
                    .collect(Collectors.toMap(h -> h.policy().title(), Function.identity()));
            PolicyHit saying = hits.get("재형 저축 사업");
            PolicyHit differently = searcher.describe(String.format("202501010054%08d", 4), searcher.analyse("목돈 모으는 거 있어요?"));
            assertEquals(1.0, saying.coverage(), 1e-9);
            assertTrue(differently.coverage() > 0 && differently.coverage() < saying.coverage(), "청년 더하기 사업 holds 적립: "
                    + differently.coverage());
            assertFalse(hits.containsKey("면접 정장 대여"));
        }
    }
}
