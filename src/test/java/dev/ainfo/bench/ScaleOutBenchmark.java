package dev.ainfo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ainfo.testing.Api;
import dev.ainfo.testing.ChatClient;
import dev.ainfo.testing.FakeOpenAi;
import dev.ainfo.testing.ScaleOut;
import dev.ainfo.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load benchmark's scale-out scenario: users chat through nginx with N instances (the
 * {@link ScaleOut} harness of ScaleOutIT: PostgreSQL, Redis, the documented nginx configuration);
 * with {@code kill=true} one instance is killed (SIGKILL) half-way through the phase. Reports
 * answers, latencies, reconnects, errors and lost messages (asked, but not stored with an ended
 * answer; a question the server refused with an error frame, e.g. {@code busy} while the killed
 * instance's answer still holds the room, is counted apart: the user was told, nothing was accepted)
 * answer). Run it from the test classpath:
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.ainfo.bench.ScaleOutBenchmark \
 *      instances=3 users=30 seconds=120 kill=true
 * </pre>
 */
public final class ScaleOutBenchmark {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(90);

    private final int instances;
    private final int users;
    private final long phaseMillis;
    private final boolean kill;
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final Map<String, AtomicInteger> errors = new java.util.concurrent.ConcurrentHashMap<>();
    private final Latencies firstChunk = new Latencies();
    private final Latencies fullAnswer = new Latencies();

    private ScaleOutBenchmark(Map<String, String> options) {
        instances = Integer.parseInt(options.getOrDefault("instances", "3"));
        users = Integer.parseInt(options.getOrDefault("users", "30"));
        phaseMillis = Long.parseLong(options.getOrDefault("seconds", "120")) * 1000;
        kill = Boolean.parseBoolean(options.getOrDefault("kill", String.valueOf(instances > 1)));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        ScaleOutBenchmark bench = new ScaleOutBenchmark(options);
        String report = bench.run();
        Path out = Path.of("target", "bench", "scaleout-" + bench.instances + "-" + Instant.now().getEpochSecond() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("report written to " + out);
        System.exit(0);
    }

    private record User(String token, long room, List<String> asked, List<String> refused) {
    }

    private String run() throws Exception {
        StringBuilder report = new StringBuilder();
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        report.append("# Scale-out benchmark: ").append(instances).append(" instance(s) behind nginx, ").append(users)
                .append(" users, ").append(phaseMillis / 1000).append(" s phase").append(kill ? ", one instance killed half-way" : "")
                .append("\n\nstarted ").append(Instant.now()).append("; load average before: ").append(load)
                .append(" (a shared machine: numbers are contended)\n\n");
        try (ScaleOut cluster = ScaleOut.start("bench-scaleout", instances, Map.of("ainfo.chat.claim-lease", "PT5S"),
                "청년 월세 지원", "면접 정장 대여", "청년 이사비 지원")) {
            // A realistic answer: 60 pieces at 50 ms, three seconds of streaming.
            cluster.model.answering(question -> FakeOpenAi.numbered(60)).tokenInterval(Duration.ofMillis(50));
            Api api = new Api(cluster.balancer());
            List<User> all = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                String token = TestKeys.token("bench-user-" + i);
                all.add(new User(token, api.createRoom(token, "bench " + i), new ArrayList<>(), new ArrayList<>()));
            }
            ExecutorService threads = Executors.newFixedThreadPool(users);
            long start = System.nanoTime();
            long end = start + phaseMillis * 1_000_000;
            List<Future<?>> running = new ArrayList<>();
            for (User user : all) {
                running.add(threads.submit(() -> chat(cluster, user, end)));
            }
            if (kill) {
                Thread.sleep(phaseMillis / 2);
                cluster.instances.get(0).kill();
                report.append("killed instance 1 (SIGKILL) at ").append((System.nanoTime() - start) / 1_000_000_000).append(" s\n\n");
            }
            for (Future<?> user : running) {
                user.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            threads.shutdownNow();
            awaitNoStreaming(api, all);
            int[] lost = lost(api, all);
            report.append("| measure | value |\n|---|---|\n");
            report.append("| questions asked / answers done | ").append(asked).append(" / ").append(answered).append(" |\n");
            report.append("| answers/s | ").append(String.format("%.2f", answered.get() / seconds)).append(" |\n");
            report.append("| time to first chunk | ").append(firstChunk.summary()).append(" |\n");
            report.append("| full answer | ").append(fullAnswer.summary()).append(" |\n");
            report.append("| sockets dropped mid-answer / reconnects through nginx | ").append(dropped).append(" / ").append(reconnects).append(" |\n");
            report.append("| errors by code | ").append(errors.isEmpty() ? "none" : errors.toString()).append(" |\n");
            report.append("| lost messages (asked, not stored with an ended answer) | ").append(lost[0]).append(" |\n");
            report.append("| questions refused with an error frame and not stored (the user was told) | ").append(lost[1]).append(" |\n");
            report.append("| load average after | ").append(Files.readString(Path.of("/proc/loadavg")).strip()).append(" |\n");
        }
        return report.toString();
    }

    /** One user: asks, reads the answer, thinks 1-3 s; a dropped socket reconnects through nginx. */
    private void chat(ScaleOut cluster, User user, long end) {
        ChatClient socket = null;
        int turn = 0;
        try {
            while (System.nanoTime() < end) {
                if (socket == null || socket.isClosed()) {
                    if (socket != null) {
                        reconnects.incrementAndGet();
                    }
                    socket = connect(cluster, user, end);
                    if (socket == null) {
                        return;
                    }
                }
                String question = "청년 월세 지원 질문 " + turn++;
                long sent = System.nanoTime();
                socket.ask(question);
                asked.incrementAndGet();
                user.asked().add(question);
                boolean seenChunk = false;
                while (true) {
                    JsonNode frame = next(socket);
                    if (frame == null) {
                        if (socket.isClosed()) {
                            dropped.incrementAndGet();
                        } else {
                            errors.computeIfAbsent("timeout", k -> new AtomicInteger()).incrementAndGet();
                            socket.abort();
                        }
                        break;
                    }
                    String type = frame.path("type").asText();
                    if (type.equals("chunk") && !seenChunk) {
                        seenChunk = true;
                        firstChunk.add(System.nanoTime() - sent);
                    } else if (type.equals("done")) {
                        answered.incrementAndGet();
                        fullAnswer.add(System.nanoTime() - sent);
                        break;
                    } else if (type.equals("error")) {
                        errors.computeIfAbsent(frame.path("code").asText(), k -> new AtomicInteger()).incrementAndGet();
                        user.refused().add(question);
                        break;
                    }
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(1000, 3000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
        } finally {
            if (socket != null) {
                socket.close();
            }
        }
    }

    /** The next frame; null once the socket closed with nothing left to read, or after the answer timeout. */
    private static JsonNode next(ChatClient socket) {
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = socket.poll(Duration.ofMillis(250));
            if (frame != null) {
                return frame;
            }
            if (socket.isClosed()) {
                return null;
            }
        }
        return null;
    }

    private ChatClient connect(ScaleOut cluster, User user, long end) throws InterruptedException {
        while (System.nanoTime() < end + 30_000_000_000L) {
            try {
                ChatClient socket = ChatClient.connect(cluster.balancerSockets(), user.room(), user.token());
                socket.nextOfType("history", Duration.ofSeconds(30));
                return socket;
            } catch (RuntimeException | AssertionError refused) {
                errors.computeIfAbsent("connect", k -> new AtomicInteger()).incrementAndGet();
                Thread.sleep(500);
            }
        }
        return null;
    }

    private static void awaitNoStreaming(Api api, List<User> all) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean streaming = false;
            for (User user : all) {
                streaming |= api.get("api/rooms/" + user.room() + "/messages?limit=200", user.token()).body().contains("\"streaming\"");
            }
            if (!streaming) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Questions asked that are not stored followed by an answer that ended: [0] lost, [1] of the rest,
     * those the server had answered with an error frame (refused, so not stored by design).
     */
    private static int[] lost(Api api, List<User> all) {
        int lost = 0;
        int refused = 0;
        for (User user : all) {
            JsonNode stored = api.get("api/rooms/" + user.room() + "/messages?limit=200", user.token()).json();
            List<String> answeredQuestions = new ArrayList<>();
            for (int i = 0; i + 1 < stored.size(); i++) {
                if ("user".equals(stored.get(i).path("role").asText()) && "bot".equals(stored.get(i + 1).path("role").asText())
                        && !"streaming".equals(stored.get(i + 1).path("status").asText())) {
                    answeredQuestions.add(stored.get(i).path("message").asText());
                }
            }
            for (String question : user.asked()) {
                if (!answeredQuestions.remove(question)) {
                    if (user.refused().remove(question)) {
                        refused++;
                    } else {
                        lost++;
                    }
                }
            }
        }
        return new int[] {lost, refused};
    }
}
