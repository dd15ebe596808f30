package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.QuestionFacts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static Policy policy(boolean nationwide, List<String> regions) {
        return new Policy("20250101005400000001", "청년 월세 지원", "기관", "", "주거", "", "", "", "", "", "", "", "",
                null, null, nationwide, regions, List.of(), List.of(), "");
    }

    private static QuestionFacts askerIn(String province) {
        return new QuestionFacts(province, null, 26, null, Set.of(), false, false);
    }

    @Test
    void theAskersOwnProvinceOutweighsANationwideProgrammeOfEqualFit() {
        Policy incheon = policy(false, List.of("인천"));
        Policy nationwide = policy(true, List.of());
        QuestionFacts asker = askerIn("인천");
        assertTrue(Ranking.weight(incheon, 0.6, asker) > Ranking.weight(nationwide, 0.6, asker));
        // Not so much that a record matching little of the question wins on its place alone.
        assertTrue(Ranking.weight(incheon, 0.3, asker) < Ranking.weight(nationwide, 0.9, asker));
    }

    @Test
    void withoutAProvinceOrForAnotherProvinceOnlyTheFitCounts() {
        Policy incheon = policy(false, List.of("인천"));
        Policy nationwide = policy(true, List.of());
        assertEquals(Ranking.weight(nationwide, 0.6, askerIn(null)), Ranking.weight(incheon, 0.6, askerIn(null)));
        assertEquals(Ranking.fit(0.6), Ranking.weight(incheon, 0.6, askerIn("부산")));
        assertTrue(Ranking.fit(0.8) > Ranking.fit(0.4));
    }
}
