package dev.ainfo.platform.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * A benchmark, not a timed assertion: the CPU cost of recording one answer's metrics (a question, a
 * retrieval, the model's first token, the first chunk, the answer's duration and its streamed pieces)
 * with the candidates that give the same output on Payara and WildFly: Micrometer's Prometheus
 * registry shipped in the WAR (what {@link AppMetrics} does), the OpenTelemetry SDK, and plain adders as
 * the floor. MicroProfile Metrics is not measured: WildFly 39 does not provide it. Run with
 * {@code ./mvnw -q -o test -Dtest=MetricsCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the table goes to target/metrics-cost.txt.
 */
class MetricsCostBenchmark {

    static final int ANSWERS = 1_000_000;
    static final int ROUNDS = 5;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    interface Recorder {
        void answer(long nanos);
    }

    @Test
    void recordingCostPerAnswer() throws Exception {
        LongAdder[] adders = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
        Recorder floor = nanos -> {
            for (LongAdder adder : adders) {
                adder.add(nanos);
            }
        };
        Recorder micrometer = nanos -> {
            AppMetrics.question();
            AppMetrics.retrieval(() -> nanos);
            AppMetrics.modelFirstToken(nanos);
            AppMetrics.firstChunk(nanos * 2);
            AppMetrics.answerEnded("complete", nanos * 40, 50, (nanos & 15) == 0);
        };
        Recorder openTelemetry = openTelemetry();

        StringBuilder report = new StringBuilder("| recorder | threads | ns CPU per answer (best of " + ROUNDS + " rounds of "
                + ANSWERS + ") |\n|---|---|---|\n");
        for (int threads : new int[] {1, 2}) {
            for (var entry : List.of(List.of("LongAdder floor", floor), List.of("Micrometer + Prometheus (AppMetrics)", micrometer),
                    List.of("OpenTelemetry SDK", openTelemetry))) {
                double best = Double.MAX_VALUE;
                for (int round = 0; round < ROUNDS; round++) {
                    best = Math.min(best, nanosPerAnswer((Recorder) entry.get(1), threads));
                }
                report.append(String.format(Locale.ROOT, "| %s | %d | %.0f |%n", entry.get(0), threads, best));
            }
        }
        long scrapeStart = CPU.getCurrentThreadCpuTime();
        int length = 0;
        for (int i = 0; i < 200; i++) {
            length = AppMetrics.REGISTRY.scrape().length();
        }
        report.append(String.format(Locale.ROOT, "%nOne scrape of the application's meters: %.2f ms CPU, %d characters%n",
                (CPU.getCurrentThreadCpuTime() - scrapeStart) / 200 / 1e6, length));
        System.out.println(report);
        write(report.toString());
        assertTrue(length > 0);
    }

    /** CPU per answer with {@code threads} threads recording at once, each {@link #ANSWERS} answers. */
    private static double nanosPerAnswer(Recorder recorder, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Long>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    long start = CPU.getCurrentThreadCpuTime();
                    long x = 1;
                    for (int i = 0; i < ANSWERS; i++) {
                        x = x * 6364136223846793005L + 1442695040888963407L; // spreads the values over the buckets
                        recorder.answer(1_000_000L + ((x >>> 33) % 200_000_000L));
                    }
                    return CPU.getCurrentThreadCpuTime() - start;
                });
            }
            long total = 0;
            for (Future<Long> done : pool.invokeAll(work)) {
                total += done.get();
            }
            return (double) total / threads / ANSWERS;
        } finally {
            pool.shutdown();
        }
    }

    private static Recorder openTelemetry() {
        MetricReader reader = new MetricReader() {
            @Override
            public void register(CollectionRegistration registration) {
            }

            @Override
            public CompletableResultCode forceFlush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public AggregationTemporality getAggregationTemporality(InstrumentType type) {
                return AggregationTemporality.CUMULATIVE;
            }
        };
        Meter meter = SdkMeterProvider.builder().registerMetricReader(reader).build().get("ainfo");
        List<Double> fast = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0);
        List<Double> slow = List.of(0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0);
        LongCounter questions = meter.counterBuilder("ainfo_questions").build();
        LongCounter tokens = meter.counterBuilder("ainfo_tokens_streamed").build();
        LongCounter declined = meter.counterBuilder("ainfo_answers_declined").build();
        DoubleHistogram retrieval = meter.histogramBuilder("ainfo_retrieval").setExplicitBucketBoundariesAdvice(fast).build();
        DoubleHistogram modelFirst = meter.histogramBuilder("ainfo_model_first_token").setExplicitBucketBoundariesAdvice(fast).build();
        DoubleHistogram firstChunk = meter.histogramBuilder("ainfo_first_chunk").setExplicitBucketBoundariesAdvice(fast).build();
        DoubleHistogram answers = meter.histogramBuilder("ainfo_answer_duration").setExplicitBucketBoundariesAdvice(slow).build();
        Attributes complete = Attributes.of(AttributeKey.stringKey("status"), "complete");
        return nanos -> {
            questions.add(1);
            retrieval.record(nanos / 1e9);
            modelFirst.record(nanos / 1e9);
            firstChunk.record(nanos * 2 / 1e9);
            answers.record(nanos * 40 / 1e9, complete);
            tokens.add(50);
            if ((nanos & 15) == 0) {
                declined.add(1);
            }
        };
    }

    private static void write(String report) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "metrics-cost.txt"), report);
    }
}
