package dev.ainfo.chat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JitActivityTest {

    @Test
    void theShareOfEachIntervalSpentCompiling() {
        AtomicLong compileMillis = new AtomicLong(1_000);
        AtomicLong nanos = new AtomicLong(5_000_000_000L);
        JitActivity jit = new JitActivity(compileMillis::get, nanos::get);

        compileMillis.addAndGet(250);
        nanos.addAndGet(500_000_000L);
        assertEquals(0.5, jit.sinceLastLook(), 1e-9, "250 ms of compiling in 500 ms");

        compileMillis.addAndGet(10);
        nanos.addAndGet(500_000_000L);
        assertEquals(0.02, jit.sinceLastLook(), 1e-9, "each look counts from the one before");

        nanos.addAndGet(100_000_000L);
        assertEquals(0.0, jit.sinceLastLook(), 1e-9);
    }

    @Test
    void twoCompilerThreadsCanExceedOne() {
        AtomicLong compileMillis = new AtomicLong();
        AtomicLong nanos = new AtomicLong();
        JitActivity jit = new JitActivity(compileMillis::get, nanos::get);
        compileMillis.addAndGet(900);
        nanos.addAndGet(500_000_000L);
        assertEquals(1.8, jit.sinceLastLook(), 1e-9);
    }

    @Test
    void thisJvmTellsItsCompilationTime() {
        // Without it the warm-up's wait for a quiet JIT would end at its first look.
        assertTrue(ManagementFactory.getCompilationMXBean().isCompilationTimeMonitoringSupported());
        double share = JitActivity.ofThisJvm().sinceLastLook();
        assertTrue(share >= 0 && share < 100, "a share of time: " + share);
    }
}
