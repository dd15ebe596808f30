package dev.ainfo.platform.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The application's meters, recorded by one-line calls from the code paths and scraped as Prometheus
 * text at /metrics ({@code MetricsServlet}). One registry per deployment (this class is loaded by the
 * WAR's class loader), shipped in the WAR, so the output is the same on every server. Meter names use
 * underscores; Micrometer adds the {@code _seconds}, {@code _total} and histogram suffixes.
 * Recording is a few adder updates per answer (MetricsCostBenchmark measures it).
 */
public final class AppMetrics {

    public static final PrometheusMeterRegistry REGISTRY = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private static final Duration[] FAST = durations(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20);
    private static final Duration[] SLOW = durations(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120);

    private static final Counter QUESTIONS = counter("ainfo_questions", "questions received on chat sockets");
    private static final Timer FIRST_CHUNK = timer("ainfo_first_chunk", "from a question's arrival to its first chunk", FAST);
    private static final Map<String, Timer> ANSWERS = new ConcurrentHashMap<>();
    private static final Counter DECLINED = counter("ainfo_answers_declined",
            "complete answers that cite no record: the records do not cover the question");
    private static final Counter TOKENS = counter("ainfo_tokens_streamed", "pieces of answer text streamed by the model or the offline answerer");
    private static final Map<String, Counter> INTERRUPTED = new ConcurrentHashMap<>();
    private static final Timer MODEL_FIRST_TOKEN = timer("ainfo_model_first_token",
            "from a model request (each attempt) to its first streamed token", FAST);
    private static final Counter MODEL_RETRIES = counter("ainfo_model_retries", "model requests retried before the first token");
    private static final Map<String, Counter> MODEL_FAILURES = new ConcurrentHashMap<>();
    private static final Map<String, Counter> ERROR_FRAMES = new ConcurrentHashMap<>();
    private static final Counter MEMORY_FAILED = counter("ainfo_memory_updates_failed",
            "memory updates that could not be written to Redis (kept and retried with the next update)");
    private static final AtomicInteger REDIS_DEGRADED = REGISTRY.gauge("ainfo_redis_degraded", new AtomicInteger());
    private static final Timer RETRIEVAL = timer("ainfo_retrieval", "policy retrieval for one question", FAST);

    static {
        for (String status : List.of("complete", "stopped", "failed")) {
            answer(status);
        }
        for (String reason : List.of("stop", "disconnect")) {
            interruptions(reason);
        }
        for (String cause : List.of("first_token_timeout", "idle_timeout", "rate_limited", "server_error",
                "client_error", "connection", "other")) {
            modelFailures(cause);
        }
    }

    private AppMetrics() {
    }

    public static void question() {
        QUESTIONS.increment();
    }

    public static void firstChunk(long nanos) {
        FIRST_CHUNK.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** An answer ended: its duration by status, the pieces it streamed, and whether it was declined. */
    public static void answerEnded(String status, long nanos, int pieces, boolean declined) {
        answer(status).record(nanos, TimeUnit.NANOSECONDS);
        TOKENS.increment(pieces);
        if (declined) {
            DECLINED.increment();
        }
    }

    /** An answer cut short by its user ("stop") or by its socket going away ("disconnect"). */
    public static void interrupted(String reason) {
        interruptions(reason).increment();
    }

    public static void modelFirstToken(long nanos) {
        MODEL_FIRST_TOKEN.record(nanos, TimeUnit.NANOSECONDS);
    }

    public static void modelRetry() {
        MODEL_RETRIES.increment();
    }

    public static void modelFailure(String cause) {
        modelFailures(cause).increment();
    }

    public static void errorFrame(String code) {
        errorFrames(code).increment();
    }

    /** The counter of one error code; registering every code up front gives each a series from the start. */
    public static Counter errorFrames(String code) {
        return ERROR_FRAMES.computeIfAbsent(code, c -> Counter.builder("ainfo_error_frames").tag("code", c)
                .description("error frames sent on chat sockets, by code").register(REGISTRY));
    }

    public static void memoryUpdateFailed() {
        MEMORY_FAILED.increment();
    }

    public static void redisDegraded(boolean degraded) {
        REDIS_DEGRADED.set(degraded ? 1 : 0);
    }

    public static <T> T retrieval(Supplier<T> retrieve) {
        return RETRIEVAL.record(retrieve);
    }

    /** A gauge read at each scrape from {@code state}, which the registry holds weakly. */
    public static <T> void gauge(String name, String description, T state, ToDoubleFunction<T> value) {
        Gauge.builder(name, state, value).description(description).register(REGISTRY);
    }

    /** The managed workers of one pool that are running now. */
    public static void workers(String pool, ManagedWorkers workers) {
        Gauge.builder("ainfo_workers_running", workers, ManagedWorkers::running).tag("pool", pool)
                .description("long-lived managed-executor tasks running, by pool").register(REGISTRY);
    }

    /** The memory-update threads: queued and running updates, plus Micrometer's executor meters. */
    public static void memoryUpdates(ThreadPoolExecutor pool) {
        gauge("ainfo_memory_updates_pending", "memory updates queued or running", pool,
                p -> p.getQueue().size() + p.getActiveCount());
        new ExecutorServiceMetrics(pool, "memory_updates", List.of()).bindTo(REGISTRY);
    }

    private static Timer answer(String status) {
        return ANSWERS.computeIfAbsent(status, s -> Timer.builder("ainfo_answer_duration").tag("status", s)
                .description("from a question's arrival to the end of its answer, by how it ended")
                .serviceLevelObjectives(SLOW).register(REGISTRY));
    }

    private static Counter interruptions(String reason) {
        return INTERRUPTED.computeIfAbsent(reason, r -> Counter.builder("ainfo_answers_interrupted").tag("reason", r)
                .description("answers stopped by the user or by a disconnect while streaming").register(REGISTRY));
    }

    private static Counter modelFailures(String cause) {
        return MODEL_FAILURES.computeIfAbsent(cause, c -> Counter.builder("ainfo_model_failures").tag("cause", c)
                .description("model calls that failed for good, by cause").register(REGISTRY));
    }

    private static Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(REGISTRY);
    }

    private static Timer timer(String name, String description, Duration[] buckets) {
        return Timer.builder(name).description(description).serviceLevelObjectives(buckets).register(REGISTRY);
    }

    private static Duration[] durations(double... seconds) {
        Duration[] out = new Duration[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            out[i] = Duration.ofNanos((long) (seconds[i] * 1e9));
        }
        return out;
    }
}
