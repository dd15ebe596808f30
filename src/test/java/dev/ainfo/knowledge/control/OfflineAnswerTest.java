package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.assistant.control.OfflineComposer;
import dev.ainfo.assistant.control.PolicyPrompt;
import dev.ainfo.knowledge.entity.PolicyHit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The answer composed without a model, read as the user reads it. */
class OfflineAnswerTest {

    static PolicySearcher searcher;

    @BeforeAll
    static void open() {
        searcher = IndexStore.open(Corpus.shipped(), Path.of("target", "ainfo-eval-data")).searcher();
    }

    static String answer(String question) {
        return OfflineComposer.compose(question, searcher.search(question, 3));
    }

    @Test
    void theBusanSuitAnswerNamesTheProgrammeWithItsLink() {
        List<PolicyHit> hits = searcher.search("부산 사는 24살인데 면접 정장 빌려주는 거 있어요?", 3);
        String answer = OfflineComposer.compose("부산 사는 24살인데 면접 정장 빌려주는 거 있어요?", hits);
        assertTrue(answer.contains("드림옷장"), answer);
        assertTrue(answer.contains(hits.get(0).policy().url()), answer);
    }

    @Test
    void howToApplyQuestionsGetTheApplicationSteps() {
        String answer = answer("부산 대학생 학자금 대출이자 지원 신청 방법 알려줘");
        assertTrue(answer.contains("신청 방법"), answer);
        assertTrue(answer.startsWith("신청 방법을 정리했어요"), answer);
    }

    @Test
    void documentQuestionsGetTheDocumentList() {
        String answer = answer("제주 청년 이사비 지원 제출서류 뭐예요?");
        assertTrue(answer.contains("제출 서류"), answer);
    }

    @Test
    void englishQuestionsGetEnglishLabels() {
        String answer = answer("How do I apply for student loan interest support in Busan?");
        assertTrue(answer.contains("How to apply"), answer);
        assertTrue(answer.contains("Link:"), answer);
    }

    @Test
    void anAskerTooOldForAProgrammeIsWarned() {
        String answer = answer("경기도 사는 30살인데 청년기본소득 받을 수 있어요?");
        assertTrue(answer.contains("경기도 청년기본소득"), answer);
        assertTrue(answer.contains("⚠"), answer);
    }

    @Test
    void withNothingToGoOnTheAnswerSaysSo() {
        String ko = OfflineComposer.compose("비트코인 세금 신고 어떻게 해요?", List.of());
        assertTrue(ko.contains("답할 수 없어요"), ko);
        String en = OfflineComposer.compose("How do I file crypto taxes?", List.of());
        assertTrue(en.contains("don't cover"), en);
    }

    @Test
    void theModelSeesTheRecordsFieldsAndIsToldWhenThereAreNone() {
        List<PolicyHit> hits = searcher.search("부산 청년 기쁨두배통장 얼마 지원해줘요?", 2);
        String context = PolicyPrompt.context(hits, searcher.questions().read("부산 사는 25살"), null);
        assertTrue(context.contains("About the asker: age 25, lives in 부산"), context);
        assertTrue(context.contains("URL: "), context);
        assertTrue(context.contains(hits.get(0).policy().title()), context);
        assertFalse(PolicyPrompt.context(List.of()).contains("[1]"));
        assertTrue(PolicyPrompt.SYSTEM.contains("Never invent"));
    }
}
