package dev.ainfo.memory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.memory.entity.MemoryMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    private static final TokenCounter TOKENS = TokenCounter.forModel("gpt-4o-mini");

    @Test
    void keepsTheFirstSentenceOfEachLineInItsOwnLanguage() {
        String summary = new ExtractiveSummarizer(TOKENS, 400).summarize("", List.of(
                new MemoryMessage("user", "청년 월세 지원은 얼마인가요? 자세히 알려주세요."),
                new MemoryMessage("bot", "## 청년월세 한시 특별지원\n월 최대 20만 원을 지원합니다. 최대 12개월입니다.")));

        assertEquals("- 청년 월세 지원은 얼마인가요?\n  → 청년월세 한시 특별지원", summary);
    }

    @Test
    void addsOntoThePreviousSummaryAndStaysWithinItsBudget() {
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer(TOKENS, 30);
        String summary = "";
        for (int i = 0; i < 10; i++) {
            summary = summarizer.summarize(summary, List.of(new MemoryMessage("user", "Question number " + i + " about pensions?")));
        }
        assertTrue(TOKENS.count(summary) <= 30, summary);
        assertTrue(summary.endsWith("- Question number 9 about pensions?"));
        assertFalse(summary.contains("number 0 "));
    }
}
