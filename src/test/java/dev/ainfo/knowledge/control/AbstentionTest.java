package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the assistant declines: on the best-ranked record that covers enough of the question. */
class AbstentionTest {

    private static PolicyHit hit(String id, double score, double coverage) {
        Policy p = new Policy(id, "청년 월세 지원", "기관", "", "주거", "", "", "", "", "", "", "", "", null, null, true,
                List.of(), List.of(), List.of(), "");
        return new PolicyHit(p, score, coverage, null);
    }

    @Test
    void aHigherRankedRecordThatCoversTooLittleDoesNotDecide() {
        // It matches weak words strongly (it is never cited); the next one covers the topic and matches well.
        List<PolicyHit> ranked = List.of(hit("a", 30, 0.1), hit("b", 11, 0.6));
        assertEquals("b", PolicyIndex.deciding(ranked, 0.25).orElseThrow().policy().id());
        assertFalse(PolicyIndex.abstains(ranked, 0.25, 8.5));
    }

    @Test
    void itDeclinesWhenNoRecordCoversEnoughOrTheDecidingOneMatchesWeakly() {
        assertTrue(PolicyIndex.abstains(List.of(hit("a", 30, 0.1), hit("b", 20, 0.2)), 0.25, 8.5));
        assertTrue(PolicyIndex.abstains(List.of(hit("a", 30, 0.1), hit("b", 5, 0.9)), 0.25, 8.5));
        assertTrue(PolicyIndex.abstains(List.of(), 0.25, 8.5));
    }
}
