package dev.ainfo.assistant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineAnswererTest {

    @Test
    void piecesAreWordsWithTheirWhitespaceAndRebuildTheText() {
        String text = "청년 월세 지원은\n\n1. **서울** (서울시)\n   - 링크: https://x";
        List<String> pieces = OfflineAnswerer.pieces(text);
        assertEquals(text, String.join("", pieces));
        assertTrue(pieces.size() >= 8);
        assertEquals("청년 ", pieces.get(0));
    }
}
