package dev.ainfo.knowledge.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.knowledge.entity.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A benchmark, not a timed assertion (the machine is shared): index build and load time, and search
 * latency over the full corpus for every question of the evaluation set. Not part of the normal test
 * run (the name does not end in Test); run it with
 * {@code ./mvnw -q test -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SearchBenchmark {

    static final int WARM_UP_ROUNDS = 5;
    static final int ROUNDS = 30;

    @TempDir
    Path dataDir;

    @Test
    void buildLoadAndSearch() {
        long t0 = System.nanoTime();
        List<Policy> corpus = Corpus.shipped();
        long read = millis(t0);

        long t1 = System.nanoTime();
        IndexStore.Opened built = IndexStore.open(corpus, dataDir);
        long build = millis(t1);
        built.searcher().close();
        long t2 = System.nanoTime();
        IndexStore.Opened loaded = IndexStore.open(corpus, dataDir);
        long load = millis(t2);
        assertTrue(loaded.loaded(), "the second start loads the index built by the first");

        long t3 = System.nanoTime();
        long c3 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        new PolicySearcher(corpus, new ByteBuffersDirectory()).close();
        long inMemory = millis(t3);
        long inMemoryCpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c3) / 1_000_000;

        PolicySearcher searcher = loaded.searcher();
        List<String> questions = EvalSet.load().items().stream().map(EvalSet.Item::question).toList();
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            questions.forEach(q -> searcher.search(q, 10));
        }
        List<Double> latencies = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < ROUNDS; i++) {
            for (String q : questions) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                searcher.search(q, 10);
                latencies.add((System.nanoTime() - s) / 1e6);
                cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
            }
        }
        Collections.sort(latencies);
        Collections.sort(cpu);
        System.out.printf("%ncorpus: %d policies, read in %d ms%n", corpus.size(), read);
        System.out.printf("index: built (on disk) in %d ms, loaded in %d ms, built in memory in %d ms (%d ms CPU); %s on disk%n",
                build, load, inMemory, inMemoryCpu, size(dataDir));
        System.out.printf("search (k=10, %d searches over %d questions): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                latencies.size(), questions.size(), pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                latencies.get(latencies.size() - 1));
        System.out.printf("search CPU time per search: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                pct(cpu, 50), pct(cpu, 95), pct(cpu, 99));
        System.out.printf("cores available: %d, load average: %.2f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        searcher.close();
    }

    static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String size(Path dir) {
        try (var files = Files.walk(dir)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            return String.format("%.1f MB", bytes / 1e6);
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
