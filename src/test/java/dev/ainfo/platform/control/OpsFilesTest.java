package dev.ainfo.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard and the Prometheus alert rules parse, and every metric they use is exported. */
class OpsFilesTest {

    private static final Path DASHBOARD = Path.of("ops/grafana/ainfo-dashboard.json");
    private static final Path ALERTS = Path.of("ops/prometheus/ainfo-alerts.yml");
    private static final Pattern METRIC = Pattern.compile("\\b((?:ainfo|jvm|process|executor)_[a-z0-9_]+)\\b");
    private static final Pattern GAUGE_IN_SOURCE = Pattern.compile("AppMetrics\\.gauge\\(\\s*\"([a-z0-9_]+)\"");

    private static final Set<String> exported = new TreeSet<>();

    /** What /metrics serves: AppMetrics' meters, the JVM binders MetricsServlet binds, and the gauges the code registers. */
    @BeforeAll
    static void exportedNames() throws IOException, ClassNotFoundException, InterruptedException {
        Class.forName("dev.ainfo.chat.control.AnswerStream"); // registers a series per error code
        AppMetrics.workers("test", new ManagedWorkers(Runnable::run, 1, Duration.ofSeconds(1)));
        AppMetrics.memoryUpdates((ThreadPoolExecutor) Executors.newFixedThreadPool(1));
        names(AppMetrics.REGISTRY.scrape());
        PrometheusMeterRegistry jvm = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(jvm);
        new JvmMemoryMetrics().bindTo(jvm);
        new JvmThreadMetrics().bindTo(jvm);
        new ProcessorMetrics().bindTo(jvm);
        new UptimeMetrics().bindTo(jvm);
        try (JvmGcMetrics gc = new JvmGcMetrics()) {
            gc.bindTo(jvm);
            // The pause timer appears with the first collection, which JMX reports asynchronously.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!jvm.scrape().contains("jvm_gc_pause_seconds_sum") && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(100);
            }
            names(jvm.scrape());
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher gauge = GAUGE_IN_SOURCE.matcher(Files.readString(file));
                while (gauge.find()) {
                    exported.add(gauge.group(1));
                }
            }
        }
    }

    private static void names(String scrape) {
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                exported.add(line.split("[{ ]", 2)[0]);
            }
        }
    }

    @Test
    void dashboardQueriesUseExportedMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertEquals("ainfo-overview", dashboard.path("uid").asText());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertFalse(panel.path("title").asText().isBlank());
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        assertTrue(expressions.size() >= 15, "panels with queries: " + expressions.size());
        checkExpressions(expressions, DASHBOARD);
        for (String needed : List.of("ainfo_first_chunk_seconds_bucket", "ainfo_model_failures_total",
                "ainfo_answers_declined_total", "ainfo_redis_degraded", "ainfo_sockets_open")) {
            assertTrue(expressions.stream().anyMatch(e -> e.contains(needed)), "the dashboard shows " + needed);
        }
    }

    @Test
    void alertRulesUseExportedMetrics() throws IOException {
        List<String> lines = Files.readAllLines(ALERTS);
        List<String> expressions = new ArrayList<>();
        int alerts = 0;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("- alert:")) {
                alerts++;
            } else if (trimmed.startsWith("expr:")) {
                expressions.add(trimmed.substring("expr:".length()).strip());
            }
        }
        assertEquals(alerts, expressions.size(), "one expression per alert");
        assertEquals(alerts, lines.stream().filter(l -> l.strip().startsWith("for:")).count(), "each alert has a duration");
        checkExpressions(expressions, ALERTS);
        for (String needed : List.of("ainfo_first_chunk_seconds_bucket", "ainfo_model_failures_total",
                "ainfo_answers_declined_total", "ainfo_redis_degraded", "ainfo_sockets_capacity")) {
            assertTrue(expressions.stream().anyMatch(e -> e.contains(needed)), "an alert uses " + needed);
        }
    }

    private static void checkExpressions(List<String> expressions, Path file) {
        for (String expression : expressions) {
            assertTrue(balanced(expression), file + ": unbalanced brackets in " + expression);
            Matcher metric = METRIC.matcher(expression);
            boolean any = false;
            while (metric.find()) {
                any = true;
                assertTrue(exported.contains(metric.group(1)), file + " uses " + metric.group(1) + ", which /metrics does not serve");
            }
            assertTrue(any, file + ": no metric in " + expression);
        }
    }

    private static boolean balanced(String expression) {
        StringBuilder open = new StringBuilder();
        boolean quoted = false;
        for (char c : expression.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && "({[".indexOf(c) >= 0) {
                open.append(c);
            } else if (!quoted && ")}]".indexOf(c) >= 0) {
                if (open.isEmpty() || "({[".indexOf(open.charAt(open.length() - 1)) != ")}]".indexOf(c)) {
                    return false;
                }
                open.setLength(open.length() - 1);
            }
        }
        return open.isEmpty() && !quoted;
    }
}
