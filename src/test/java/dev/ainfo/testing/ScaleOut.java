package dev.ainfo.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Several Payara Micro instances of the real WAR behind Debian's nginx (the documented
 * configuration), sharing one PostgreSQL, one redis-server and one fake model, all on loopback.
 * Each instance has its own data directory; they start in parallel.
 */
public final class ScaleOut implements AutoCloseable {

    public final PostgresProcess postgres;
    public final RedisProcess redis;
    public final FakeOpenAi model;
    public final List<PayaraProcess> instances = new ArrayList<>();
    public final NginxProcess nginx;
    public final Path corpus;

    private ScaleOut(PostgresProcess postgres, RedisProcess redis, FakeOpenAi model, Path corpus,
                     List<PayaraProcess> instances, NginxProcess nginx) {
        this.postgres = postgres;
        this.redis = redis;
        this.model = model;
        this.corpus = corpus;
        this.instances.addAll(instances);
        this.nginx = nginx;
    }

    /**
     * {@code count} instances on a small corpus at {@link #corpus} (a JSON dump the test may rewrite
     * before a re-index), with {@code extra} settings on top of the multi-instance ones.
     */
    public static ScaleOut start(String name, int count, Map<String, String> extra, String... policyTitles) throws Exception {
        PostgresProcess postgres = PostgresProcess.start();
        RedisProcess redis = RedisProcess.start(name);
        FakeOpenAi model = FakeOpenAi.start();
        Path root = Deployments.dataDir(name);
        deleteTree(root);
        Path corpus = Files.createDirectories(root.resolve("corpus")).resolve("policies.json");
        writeCorpus(corpus, policyTitles);
        ExecutorService starting = Executors.newFixedThreadPool(count);
        List<Future<PayaraProcess>> started = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                Map<String, String> settings = new HashMap<>(Deployments.withModel(model, redis));
                settings.put("ainfo.db.url", postgres.jdbcUrl());
                settings.put("ainfo.db.user", postgres.user());
                settings.put("ainfo.db.password", "");
                settings.put("ainfo.instances", String.valueOf(count));
                settings.put("ainfo.data-dir", root.resolve("instance-" + i).toString());
                settings.put("ainfo.knowledge.source", corpus.toString());
                settings.putAll(extra);
                String instance = name + "/instance-" + i;
                // All at once: Flyway takes a PostgreSQL lock, so one migrates and the others find it done.
                started.add(starting.submit(() -> PayaraProcess.start(instance, settings, Duration.ofMinutes(25))));
            }
            List<PayaraProcess> instances = new ArrayList<>();
            for (Future<PayaraProcess> instance : started) {
                instances.add(instance.get());
            }
            NginxProcess nginx = NginxProcess.start(instances.stream().map(PayaraProcess::http).toList());
            return new ScaleOut(postgres, redis, model, corpus, instances, nginx);
        } catch (Exception e) {
            for (Future<PayaraProcess> instance : started) {
                if (instance.isDone() && !instance.isCancelled()) {
                    try {
                        instance.get().kill();
                    } catch (Exception ignored) {
                        // it never started
                    }
                }
            }
            model.close();
            redis.close();
            postgres.close();
            throw e;
        } finally {
            starting.shutdownNow();
        }
    }

    /** The raw API format, as ReindexTest writes it. */
    public static void writeCorpus(Path file, String... titles) throws IOException {
        StringBuilder json = new StringBuilder("{\"result\":{\"youthPolicyList\":[");
        for (int i = 0; i < titles.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"plcyNo\":\"2026010100540021000").append(i)
                    .append("\",\"plcyNm\":\"").append(titles[i]).append("\",\"plcyExplnCn\":\"").append(titles[i])
                    .append(" 지원\",\"zipCd\":\"26110\",\"sprtTrgtMinAge\":\"19\",\"sprtTrgtMaxAge\":\"39\"}");
        }
        Files.writeString(file, json.append("]}}").toString());
    }

    public URI balancer() {
        return nginx.http();
    }

    public URI balancerSockets() {
        return URI.create("ws://127.0.0.1:" + nginx.http().getPort() + "/");
    }

    public URI http(int index) {
        return instances.get(index).http();
    }

    public URI sockets(int index) {
        return Api.webSocketBase(instances.get(index).http());
    }

    @Override
    public void close() {
        nginx.close();
        for (PayaraProcess instance : instances) {
            try {
                instance.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        model.close();
        redis.close();
        postgres.close();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
