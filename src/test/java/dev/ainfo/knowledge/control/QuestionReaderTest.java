package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.QuestionFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the reader takes from a question before retrieval, Korean and English. */
class QuestionReaderTest {

    static final QuestionReader READER = new QuestionReader(new Places(List.of()));

    @Test
    void theCategoryIsTheOneOfTheCueSaidFirst() {
        assertEquals("주거", QuestionReader.category("월세 살면서 취업 준비하고 있어요"));
        assertEquals("일자리", QuestionReader.category("취업 준비하면서 월세 살아요"));
        assertNull(QuestionReader.category("날씨 어때요"));
    }

    @Test
    void anEnglishQuestionGetsItsCategoryFromItsKoreanTerms() {
        QuestionFacts facts = READER.read("I'm 24 in Busan. Is there help with monthly rent?");
        assertTrue(facts.english());
        assertEquals("주거", facts.category());
        assertEquals("부산", facts.province());
        assertEquals(24, facts.age());
    }
}
