package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ainfo.knowledge.entity.Openness;
import dev.ainfo.knowledge.entity.Openness.Basis;
import dev.ainfo.knowledge.entity.Openness.State;
import dev.ainfo.knowledge.entity.Policy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time judgement against a fixed clock, on period texts as the records write them. */
class ScheduleTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-15T03:00:00Z"), ZoneId.of("Asia/Seoul"));
    static final LocalDate TODAY = LocalDate.now(CLOCK);

    static Policy policy(String period, String business) {
        return new Policy("20250101005400000001", "t", "", "", "", "", "", "", "", "", "", "", period, null, null,
                true, List.of(), List.of(), List.of(), "", business);
    }

    static Openness judge(String period, String business) {
        return Schedule.judge(policy(period, business), TODAY);
    }

    @Test
    void datedApplicationWindows() {
        assertEquals(State.OPEN, judge("2026.03.30 ~ 2026.05.29", "").state());
        assertEquals(State.CLOSED, judge("2024.02.26 ~ 2025.02.25", "").state());
        assertEquals(State.UPCOMING, judge("2026.06.01 ~ 2026.06.30", "").state());
        assertEquals(LocalDate.of(2026, 5, 29), judge("2026.03.30 ~ 2026.05.29", "").to());
        // the last day still counts as open
        assertEquals(State.OPEN, judge("2026.04.01 ~ 2026.04.15", "").state());
    }

    @Test
    void freeTextPeriods() {
        Openness march = judge("모집기간 2025. 3. 4~ 3. 11", "2025.01.01 ~ 2025.12.31");
        assertEquals(State.CLOSED, march.state());
        assertEquals(LocalDate.of(2025, 3, 11), march.to());
        assertEquals(LocalDate.of(2025, 12, 31), judge("2025.1.~2025.12.", "").to());
        assertEquals(LocalDate.of(2025, 12, 31), judge("2025. 1. ~ 12.", "").to());
        assertEquals(State.OPEN, judge("2024년 ~ 2035년(건립기간)", "").state());
        Openness since = judge("'13년도~계속", "");
        assertEquals(State.OPEN, since.state());
        assertNull(since.to());
        assertEquals(LocalDate.of(2013, 1, 1), since.from());
        assertEquals(State.CLOSED, judge("2025년", "").state());
    }

    @Test
    void alwaysOpenWordsMeanOpen() {
        for (String always : List.of("상시", "연중", "연중 상시", "수시 모집", "예산 소진시까지")) {
            Openness o = judge(always, "2025.01.01 ~ 2025.12.31");
            assertEquals(State.OPEN, o.state(), always);
            assertEquals(Basis.ALWAYS, o.basis(), always);
        }
    }

    @Test
    void withoutAnApplicationWindowTheProgrammePeriodDecides() {
        assertEquals(State.CLOSED, judge("", "2025.01.01 ~ 2025.12.31").state());
        assertEquals(Basis.BUSINESS, judge("", "2025.01.01 ~ 2025.12.31").basis());
        assertEquals(State.OPEN, judge("", "2026.01.01 ~ 2026.12.31").state());
        assertEquals(State.UNKNOWN, judge("", "").state());
        assertEquals(State.UNKNOWN, judge("담당자 문의", "").state());
    }
}
