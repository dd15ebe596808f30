package dev.ainfo.chat.control;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * How busy the JIT compilers have been between two looks: compilation time per elapsed time (1.0 is
 * one compiler thread compiling all the time). The warm-up reads it to tell when the methods it made
 * hot have been compiled, rather than guessing a number of rehearsals.
 */
final class JitActivity {

    private final LongSupplier compileMillis;
    private final LongSupplier nanoTime;
    private long lastCompileMillis;
    private long lastNanos;

    JitActivity(LongSupplier compileMillis, LongSupplier nanoTime) {
        this.compileMillis = compileMillis;
        this.nanoTime = nanoTime;
        this.lastCompileMillis = compileMillis.getAsLong();
        this.lastNanos = nanoTime.getAsLong();
    }

    /** This JVM's compilers; a JVM that does not report compilation time always looks idle. */
    static JitActivity ofThisJvm() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        LongSupplier compile = jit != null && jit.isCompilationTimeMonitoringSupported()
                ? jit::getTotalCompilationTime
                : () -> 0L;
        return new JitActivity(compile, System::nanoTime);
    }

    /** The share of the time since the previous look (or creation) that the compilers spent compiling. */
    double sinceLastLook() {
        long compile = compileMillis.getAsLong();
        long now = nanoTime.getAsLong();
        double elapsedMillis = (now - lastNanos) / 1_000_000.0;
        double share = elapsedMillis <= 0 ? 0 : (compile - lastCompileMillis) / elapsedMillis;
        lastCompileMillis = compile;
        lastNanos = now;
        return share;
    }
}
