package dev.ainfo.bench;

import dev.ainfo.platform.control.ConfiguredDataSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ainfo.testing.JvmDefaults;
import dev.ainfo.testing.PostgresProcess;
import dev.ainfo.testing.RedisProcess;
import dev.ainfo.testing.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load benchmark (issue 7): a fake streaming model, redis-server and the real server (Payara
 * Micro with the built WAR), then C simulated users on WebSockets. Not a test: run it with
 * {@code ./mvnw -o -Pbench verify -Dbench.scenario=realistic} (see the README). Settings come from
 * the scenario and from {@code -Dbench.options=key=value,...}; every phase has a deadline.
 */
public final class LoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One run's settings; scenarios are presets, options override them. */
    static final class Settings {
        String scenario = "realistic";
        int users = 1000;
        int questions = 3;
        long thinkMinMillis = 10_000;
        long thinkMaxMillis = 30_000;
        long rampMillis = 20_000;
        int tokens = 50;
        long tokenIntervalMillis = 20;
        /**
         * By default the warm-up is a full round of the scenario with users of its own: the JIT keeps
         * compiling for minutes after start-up, and a shorter or different warm-up measured that instead
         * of the steady state (-1 means as many as the measured phase).
         */
        int warmupUsers = -1;
        int warmupQuestions = -1;
        /** Whether the warm-up users think and ramp up like the measured ones. */
        boolean warmupLikePhase = true;
        /**
         * Warm-up rounds by the same warm users before the phase (each adds their questions to the same
         * rooms). Two for realistic and saturation: after one round the JIT still compiled 2,700 methods
         * (10 ms per answer) in the realistic phase, after two about 1,200.
         */
        int warmupRounds = 1;
        int idleSockets = 10_000;
        int idleUsers = 1_000;
        int launches = 2;
        long answerTimeoutMillis = 60_000;
        /**
         * The server's JVM options: payara-config/jvm.options (see docs/performance.md); live data after a
         * realistic run is about 165 MB, and jvm25.options on JDK 25 and later. Idle sockets need more heap
         * (-Xmx1g). {@code jvm=} replaces them all; {@code jvmAdd=} comes after either, so it wins.
         */
        String jvm;
        String jvmAdd = "";
        /** The server's JDK: as payara-config/java picks it (jdk.preferred), or {@code jdk=17|25|<home>}. */
        Path javaHome = JvmDefaults.javaHome();
        String war = "target/ainfo.war";
        /** payara (Payara Micro) or wildfly (WildFly 39 set up by wildfly-config/, in target/). */
        String serverKind = "payara";
        // The project's boot commands: pre-boot on main (loopback listener, executor pool), else post-boot.
        String postBoot = Files.exists(Path.of("payara-config", "pre-boot-commands.asadmin"))
                ? "payara-config/pre-boot-commands.asadmin" : "payara-config/post-boot-commands.asadmin";
        boolean jfr = false;
        /** async-profiler's event for the phase (cpu, itimer, wall, alloc); empty for none. */
        String profile = "";
        boolean garbage = false;
        /** h2 (the embedded default) or postgres (a local server, as operators run it). */
        String db = "h2";
        /**
         * The server's environment: payara-config/jvm.env (MALLOC_ARENA_MAX=2: two arenas kept the process
         * about 40 MB smaller, which the heap needs to stay under 1 GB of RSS). {@code mallocArenas=N}
         * overrides it, {@code mallocArenas=} (empty) leaves glibc's default, 8 per core.
         */
        Map<String, String> environment = new LinkedHashMap<>(JvmDefaults.environment());
        /** When JFR or async-profiler starts in the phase (-1: half the ramp-up plus a second), and for how long. */
        long profileDelayMillis = -1;
        long profileSeconds = 30;
        Map<String, String> server = new LinkedHashMap<>();


        static Settings of(String scenario, String options) {
            Settings s = new Settings();
            s.scenario = scenario;
            switch (scenario) {
                case "realistic" -> s.warmupRounds = 2;
                // A fresh instance as users meet it after a deploy: nothing before the phase but readiness
                // (which includes the server's own warm-up, ainfo.warmup.*) and creating the users' rooms.
                case "cold" -> s.warmupUsers = 0;
                case "saturation" -> {
                    s.warmupRounds = 2;
                    s.thinkMinMillis = 0;
                    s.thinkMaxMillis = 0;
                    s.rampMillis = 0;
                }
                case "idle" -> {
                    s.warmupUsers = 0;
                    s.jvm = "-Xmx1g";
                }
                case "launch" -> s.warmupUsers = 0;
                case "smoke" -> {
                    s.users = 20;
                    s.questions = 2;
                    s.thinkMinMillis = 0;
                    s.thinkMaxMillis = 500;
                    s.rampMillis = 1000;
                    s.warmupUsers = 5;
                    s.warmupQuestions = 2;
                    s.warmupLikePhase = false;
                    s.idleSockets = 200;
                    s.idleUsers = 20;
                }
                default -> throw new IllegalArgumentException("scenario must be realistic, cold, saturation, idle, launch or smoke");
            }
            if (options != null && !options.isBlank()) {
                for (String option : options.split(",")) {
                    String[] kv = option.split("=", 2);
                    s.set(kv[0].strip(), kv.length > 1 ? kv[1].strip() : "true");
                }
            }
            s.warmupUsers = s.warmupUsers < 0 ? s.users : s.warmupUsers;
            s.warmupQuestions = s.warmupQuestions < 0 ? s.questions : s.warmupQuestions;
            return s;
        }

        void set(String key, String value) {
            switch (key) {
                case "users" -> users = Integer.parseInt(value);
                case "questions" -> questions = Integer.parseInt(value);
                case "think" -> {
                    String[] range = value.split("-");
                    thinkMinMillis = (long) (Double.parseDouble(range[0]) * 1000);
                    thinkMaxMillis = (long) (Double.parseDouble(range[range.length - 1]) * 1000);
                }
                case "ramp" -> rampMillis = (long) (Double.parseDouble(value) * 1000);
                case "tokens" -> tokens = Integer.parseInt(value);
                case "interval" -> tokenIntervalMillis = Long.parseLong(value);
                case "warmup" -> warmupUsers = Integer.parseInt(value);
                case "warmupQuestions" -> warmupQuestions = Integer.parseInt(value);
                case "warmupLikePhase" -> warmupLikePhase = Boolean.parseBoolean(value);
                case "warmupRounds" -> warmupRounds = Integer.parseInt(value);
                case "sockets" -> idleSockets = Integer.parseInt(value);
                case "idleUsers" -> idleUsers = Integer.parseInt(value);
                case "launches" -> launches = Integer.parseInt(value);
                case "war" -> war = value;
                case "server" -> serverKind = value;
                case "postboot" -> postBoot = value;
                case "jvm" -> jvm = value.replace(';', ' '); // options are separated by ';' to survive the command line
                case "jvmAdd" -> jvmAdd = jvmAdd + " " + value.replace(';', ' ');
                case "jfr" -> jfr = Boolean.parseBoolean(value);
                case "profile" -> profile = value;
                case "garbage" -> garbage = Boolean.parseBoolean(value);
                case "db" -> db = value;
                case "mallocArenas" -> {
                    if (value.isBlank()) {
                        environment.remove("MALLOC_ARENA_MAX");
                    } else {
                        environment.put("MALLOC_ARENA_MAX", value);
                    }
                }
                case "jdk" -> javaHome = jdk(value);
                case "jfrDelay", "profileDelay" -> profileDelayMillis = (long) (Double.parseDouble(value) * 1000);
                case "jfrSeconds", "profileSeconds" -> profileSeconds = Long.parseLong(value);
                default -> {
                    if (key.startsWith("server.")) {
                        server.put(key.substring(7), value);
                    } else {
                        throw new IllegalArgumentException("unknown option " + key);
                    }
                }
            }
        }

        /** The server's JVM options, as the JDK it runs on takes them. */
        String jvm() {
            return (jvm != null ? jvm : String.join(" ", JvmDefaults.options(javaHome))) + jvmAdd;
        }

        /** {@code 17}, {@code 25} (the JDKs installed on the team's machines) or a JDK home. */
        static Path jdk(String value) {
            return switch (value) {
                case "17" -> Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
                case "25" -> Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
                default -> Path.of(value);
            };
        }

        @Override
        public String toString() {
            return switch (scenario) {
                case "idle" -> "idle: " + idleSockets + " sockets over " + idleUsers + " users/rooms";
                case "launch" -> "launch: " + launches + " launches";
                default -> scenario + ": " + users + " users x " + questions + " questions, think "
                        + thinkMinMillis / 1000.0 + "-" + thinkMaxMillis / 1000.0 + " s, ramp " + rampMillis / 1000.0
                        + " s, model " + tokens + " tokens x " + tokenIntervalMillis + " ms, warm-up " + (warmupRounds == 1 ? "" : warmupRounds + " rounds of ") + warmupUsers + " users x " + warmupQuestions
                        + (warmupLikePhase ? " like the phase" : " at once");
            } + ", server " + serverKind + ", JVM " + javaHome + " [" + jvm() + "] env " + environment + ", " + war + (serverKind.equals("wildfly") ? ", wildfly-config" : ", post-boot " + postBoot) + (server.isEmpty() ? "" : ", server config " + server);
        }
    }

    private final Settings settings;
    private final Path runDir;
    private final StringBuilder report = new StringBuilder();
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(3, StreamingModel.daemon("client"));
    private final HttpClient http = HttpClient.newBuilder().executor(clientThreads)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, StreamingModel.daemon("timer"));

    private LoadBenchmark(Settings settings, Path runDir) {
        this.settings = settings;
        this.runDir = runDir;
    }

    public static void main(String[] args) throws Exception {
        // The fake model keeps its keep-alive connections: the JDK HttpServer would close idle ones
        // after 30 s, racing the server's connection pool ("header parser received no bytes").
        System.setProperty("sun.net.httpserver.idleInterval", "3600");
        System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
        // Killed or timed out: take the server and redis-server along.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroy)));
        String scenario = args.length > 0 ? args[0] : System.getProperty("bench.scenario", "realistic");
        String options = args.length > 1 ? args[1] : System.getProperty("bench.options", "");
        Settings settings = Settings.of(scenario, options);
        Path runDir = Path.of("target", "bench", scenario + "-"
                + DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())).toAbsolutePath();
        Files.createDirectories(runDir);
        LoadBenchmark bench = new LoadBenchmark(settings, runDir);
        try {
            bench.run();
        } finally {
            bench.line("");
            Files.writeString(runDir.resolve("report.md"), bench.report.toString());
            System.out.println("report written to " + runDir.resolve("report.md"));
        }
        System.exit(0);
    }

    private void run() throws Exception {
        line("# AInfo load benchmark: " + settings);
        line("started " + Instant.now() + "; load average before: " + loadAverage() + "; cores "
                + Runtime.getRuntime().availableProcessors());
        try (StreamingModel model = new StreamingModel(settings.tokens, settings.tokenIntervalMillis);
             RedisProcess redis = RedisProcess.start("bench")) {
            if (settings.db.equals("postgres")) {
                postgres = PostgresProcess.start();
                line("database: PostgreSQL at " + postgres.jdbcUrl() + " (fsync off, like H2's delayed writes)");
            }
            if (settings.scenario.equals("launch")) {
                launches(model, redis);
                return;
            }
            try (ServerProcess server = launch(model, redis, runDir.resolve("data"), "server.log")) {
                Duration ready = server.awaitReady(http, Duration.ofMinutes(10));
                line("launch to ready: " + ready.toMillis() + " ms (server pid " + server.pid() + ", port " + server.port() + ")");
                if (settings.scenario.equals("idle")) {
                    idle(server, redis);
                } else {
                    conversations(server, model, redis);
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            line("load average after: " + loadAverage());
            timers.shutdownNow();
            clientThreads.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- scenarios

    private void launches(StreamingModel model, RedisProcess redis) throws Exception {
        Path data = runDir.resolve("data");
        for (int i = 1; i <= settings.launches; i++) {
            try (ServerProcess server = launch(model, redis, data, "server-" + i + ".log")) {
                Duration ready = server.awaitReady(http, Duration.ofMinutes(10));
                line("launch " + i + (i == 1 ? " (new database)" : " (existing database)") + ": ready in "
                        + ready.toMillis() + " ms, CPU " + fmt(server.cpuSeconds()) + " s, RSS "
                        + server.status("VmRSS") / 1024 + " MB, threads " + server.status("Threads")
                        + "; load average " + loadAverage());
            }
        }
    }

    private void conversations(ServerProcess server, StreamingModel model, RedisProcess redis) throws Exception {
        List<Account> warm = accounts("warm", settings.warmupUsers, server);
        List<Account> users = accounts("user", settings.users, server);
        for (int round = 1; round <= settings.warmupRounds && !warm.isEmpty(); round++) {
            Results warmup = settings.warmupLikePhase
                    ? drive(server, model, warm, settings.warmupQuestions, settings.thinkMinMillis, settings.thinkMaxMillis,
                            settings.rampMillis, null)
                    : drive(server, model, warm, settings.warmupQuestions, 0, 0, 0, null);
            line((round == settings.warmupRounds ? "warm-up: " : "warm-up round " + round + ": ") + warm.size() + " users x "
                    + settings.warmupQuestions + " questions, " + warmup.answeredCount() + " answers, errors " + warmup.errors());
        }
        long threadsBefore = server.status("Threads");
        long compilesBefore = server.compilations();
        String compileQueue = server.compileQueue();
        double cpuBefore = server.cpuSeconds();
        double databaseBefore = postgresCpuSeconds();
        java.util.Map<String, Double> groupsBefore = server.cpuByThreadGroup();
        long start = System.nanoTime();
        Monitor monitor = new Monitor(server);
        monitor.start();
        Results results = drive(server, model, users, settings.questions, settings.thinkMinMillis,
                settings.thinkMaxMillis, settings.rampMillis, server);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = server.cpuSeconds() - cpuBefore;
        double databaseCpu = postgresCpuSeconds() - databaseBefore;
        java.util.Map<String, Double> groupsAfter = server.cpuByThreadGroup();
        long compiles = server.compilations() - compilesBefore;
        String pauses = server.pausesSince(start); // before the report's own full GC
        String garbage = settings.garbage ? server.garbageByClass(15) : null;
        monitor.stop();

        line("");
        line("## Results (measured phase, " + fmt(seconds) + " s)");
        line("| measure | value |");
        line("|---|---|");
        row("connections established / failed", results.connectedCount() + " / " + results.connectFailedCount());
        row("handshake", results.handshake.summary());
        row("time to first chunk", results.firstChunk.summary());
        row("full answer", results.answer.summary());
        row("questions asked / answers complete and correct", results.askedCount() + " / " + results.answeredCount());
        row("chunk frames received, chunks/s", results.chunkCount() + ", " + fmt(results.chunkCount() / seconds));
        row("answers/s", fmt(results.answeredCount() / seconds));
        row("errors by kind", results.errors().isEmpty() ? "none" : results.errors().toString());
        row("server CPU in the phase", fmt(cpu) + " s (" + fmt(100 * cpu / seconds) + "% of one core)");
        row("server CPU per answer", fmt(1000 * cpu / Math.max(1, results.answeredCount())) + " ms");
        if (postgres != null) {
            row("PostgreSQL CPU per answer (its own processes, not in the server's)",
                    fmt(1000 * databaseCpu / Math.max(1, results.answeredCount())) + " ms");
        }
        row("server peak RSS (VmHWM, whole run)", server.status("VmHWM") / 1024 + " MB");
        row("server heap after a full GC at the end of the phase (live data)", server.heapUsedAfterGcKb() / 1024 + " MB");
        row("server threads: before / peak in the phase", threadsBefore + " / " + monitor.peakThreads);
        row("model streams: requests / completed / broken / peak open", model.requests() + " / " + model.completed()
                + " / " + model.broken() + " / " + model.peakOpen());
        row("model: follow-up rewrites / one-shot calls (summaries)", model.rewrites() + " / " + model.oneShots());
        row("server CPU per answer by thread group (ms; threads that ended in the phase are missing)",
                cpuPerAnswerByGroup(groupsBefore, groupsAfter, Math.max(1, results.answeredCount())));
        row("JIT compilations in the phase (still warming up if many)", compiles + "; methods waiting for the JIT as the phase began: "
                + compileQueue);
        row("GC pauses in the phase", pauses);
        if (garbage != null) {
            row("heap garbage by class at the end of the phase (all objects minus live ones)", garbage);
        }
        row("memory loads that found no Redis memory yet and rebuilt it from the chat log (late memory updates), whole run",
                String.valueOf(linesContaining(server.log(), "messages from the chat log")));
        row("load average (1 min) peak during the phase", fmt(monitor.peakLoad));
        List<Account> all = new ArrayList<>(warm);
        all.addAll(users);
        verifyStored(server, all, model.expectedAnswer());
        redisKeys(redis);
        if (monitor.threadGroups != null) {
            line("");
            line("## Server threads at steady load (jcmd Thread.print, grouped by name)");
            monitor.threadGroups.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(25).forEach(e -> line("    " + e.getValue() + "  " + e.getKey()));
        }
        if (monitor.waits != null) {
            line("");
            line("## What the pool threads were doing at that moment (state, nearest application or library frame)");
            monitor.waits.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(15).forEach(e -> line("    " + e.getValue() + "  " + e.getKey()));
        }
        if (monitor.profile != null) {
            line("");
            line("## Where the server's CPU went (JFR execution samples)");
            monitor.profile.lines().forEach(l -> line("    " + l));
        }
        AsyncProfile sampled = asyncProfile;
        if (sampled != null) {
            line("");
            line("## async-profiler, event " + sampled.event() + ", up to " + settings.profileSeconds + " s of the phase ("
                    + sampled.output().getFileName() + ", collapsed stacks for a flame graph)");
            try {
                AsyncProfile.summarize(sampled.output(), 20).lines().forEach(l -> line("    " + l));
            } catch (IOException | RuntimeException e) {
                line("    no summary: " + e);
            }
        }
    }

    private static long linesContaining(Path file, String text) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }

    private void idle(ServerProcess server, RedisProcess redis) throws Exception {
        List<Account> users = accounts("idle", settings.idleUsers, server);
        long heapBefore = server.heapUsedAfterGcKb();
        long rssBefore = server.status("VmRSS");
        long threadsBefore = server.status("Threads");
        List<IdleSockets.Target> targets = new ArrayList<>();
        for (int i = 0; i < settings.idleSockets; i++) {
            Account account = users.get(i % users.size());
            targets.add(new IdleSockets.Target(account.roomId, account.token));
        }
        try (IdleSockets sockets = new IdleSockets(server.port())) {
            long start = System.nanoTime();
            double cpuBefore = server.cpuSeconds();
            sockets.openAll(targets, 8, start + TimeUnit.MINUTES.toNanos(10));
            double openSeconds = (System.nanoTime() - start) / 1e9;
            double openCpu = server.cpuSeconds() - cpuBefore;
            Thread.sleep(2000);
            long heapAfter = server.heapUsedAfterGcKb();
            long rssAfter = server.status("VmRSS");
            double cpuIdle0 = server.cpuSeconds();
            Thread.sleep(10_000);
            double idleCpu = server.cpuSeconds() - cpuIdle0;
            int open = sockets.openCount();
            line("");
            line("## Idle sockets");
            line("| measure | value |");
            line("|---|---|");
            row("sockets open / asked", open + " / " + settings.idleSockets + " (in " + fmt(openSeconds) + " s, server CPU "
                    + fmt(openCpu) + " s = " + fmt(1000 * openCpu / Math.max(1, open)) + " ms per socket)");
            row("handshake (101)", sockets.handshake.summary());
            row("handshake to history frame", sockets.history.summary());
            row("errors", sockets.errors.isEmpty() ? "none" : new TreeMap<>(sockets.errors).toString());
            row("heap after full GC: before / with sockets", heapBefore / 1024 + " MB / " + heapAfter / 1024 + " MB");
            row("heap per socket", fmt((heapAfter - heapBefore) / (double) Math.max(1, open)) + " kB");
            row("RSS: before / with sockets", rssBefore / 1024 + " MB / " + rssAfter / 1024 + " MB ("
                    + fmt((rssAfter - rssBefore) / (double) Math.max(1, open)) + " kB per socket)");
            row("server peak RSS (VmHWM)", server.status("VmHWM") / 1024 + " MB");
            row("server threads: before / with sockets", threadsBefore + " / " + server.status("Threads"));
            row("server CPU while idle", fmt(100 * idleCpu / 10) + "% of one core over 10 s");
            row("load average now", loadAverage());
            Map<String, Integer> groups = server.threadGroups();
            line("");
            line("server threads with the sockets open (grouped by name):");
            groups.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                    .forEach(e -> line("    " + e.getValue() + "  " + e.getKey()));
            String histogram = server.jcmd("GC.class_histogram");
            Files.writeString(runDir.resolve("class-histogram.txt"), histogram);
            line("");
            line("largest classes on the heap with the sockets open:");
            histogram.lines().skip(3).limit(15).forEach(l -> line("    " + l.strip()));
        }
        redisKeys(redis);
    }

    // ---------------------------------------------------------------- driving chatters

    private Results drive(ServerProcess server, StreamingModel model, List<Account> accounts, int questions,
                          long thinkMin, long thinkMax, long ramp, ServerProcess profiled) throws InterruptedException {
        Results results = new Results();
        CountDownLatch finished = new CountDownLatch(accounts.size());
        Chatter.Run run = new Chatter.Run(http, server.webSocketBase(), timers, results, model.expectedAnswer(),
                questions, thinkMin, thinkMax, Duration.ofMillis(settings.answerTimeoutMillis), finished);
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            Chatter chatter = new Chatter(account.user, account.token, account.roomId, run);
            if (account.chatter != null) {
                account.askedEarlier += account.chatter.asked();
            }
            account.chatter = chatter;
            long at = accounts.size() <= 1 ? 0 : ramp * i / (accounts.size() - 1);
            timers.schedule(chatter::connect, at, TimeUnit.MILLISECONDS);
        }
        long profileDelay = settings.profileDelayMillis >= 0 ? settings.profileDelayMillis : ramp / 2 + 1000;
        if (profiled != null && settings.jfr) {
            timers.schedule(() -> startJfr(profiled), profileDelay, TimeUnit.MILLISECONDS);
        }
        if (profiled != null && !settings.profile.isEmpty()) {
            timers.schedule(() -> {
                AsyncProfile profile = AsyncProfile.start(profiled, runDir, settings.profile);
                if (profile != null) {
                    timers.schedule(profile::stop, settings.profileSeconds, TimeUnit.SECONDS);
                    asyncProfile = profile;
                }
            }, profileDelay, TimeUnit.MILLISECONDS);
        }
        long bound = ramp + questions * (thinkMax + settings.answerTimeoutMillis) + 120_000;
        if (!finished.await(bound, TimeUnit.MILLISECONDS)) {
            results.error("phase-deadline:" + finished.getCount() + "-users-unfinished");
        }
        AsyncProfile profile = asyncProfile;
        if (profile != null) {
            profile.stop(); // the phase may end first; what follows (the REST checks) is not the phase
        }
        return results;
    }

    static String cpuPerAnswerByGroup(java.util.Map<String, Double> before, java.util.Map<String, Double> after, long answers) {
        return after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(12)
                .map(e -> e.getKey() + " " + fmt(1000 * e.getValue() / answers))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private volatile Path jfrFile;
    private volatile AsyncProfile asyncProfile;

    private void startJfr(ServerProcess server) {
        Path file = runDir.resolve("server.jfr");
        String out = server.jcmd("JFR.start", "name=bench", "settings=profile", "duration=" + settings.profileSeconds + "s",
                "filename=" + file);
        System.out.println("JFR: " + out.strip());
        jfrFile = file;
    }

    /** Samples the server every half second: thread count, load; takes one thread dump at steady load. */
    private final class Monitor {
        private final ServerProcess server;
        private volatile boolean running = true;
        private Thread thread;
        volatile long peakThreads;
        volatile double peakLoad;
        volatile Map<String, Integer> threadGroups;
        volatile Map<String, Integer> waits;
        volatile String profile;

        Monitor(ServerProcess server) {
            this.server = server;
        }

        void start() {
            long dumpAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.rampMillis / 2 + 3000);
            thread = new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
                while (running && System.nanoTime() < deadline) {
                    peakThreads = Math.max(peakThreads, server.status("Threads"));
                    peakLoad = Math.max(peakLoad, load1());
                    if (threadGroups == null && System.nanoTime() > dumpAt) {
                        String dump = server.jcmd("Thread.print");
                        try {
                            Files.writeString(runDir.resolve("threads.txt"), dump);
                        } catch (IOException ignored) {
                            // the summary below still works
                        }
                        threadGroups = ServerProcess.groups(dump);
                        waits = ServerProcess.waits(dump);
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "monitor");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(10_000);
            Path file = jfrFile;
            if (file != null) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.profileSeconds + 30);
                while (System.nanoTime() < deadline && !Files.exists(file)) {
                    Thread.sleep(500);
                }
                Thread.sleep(1000);
                try {
                    profile = Profile.summarize(file, 20);
                } catch (IOException | RuntimeException e) {
                    profile = "no profile: " + e;
                }
            }
        }
    }

    // ---------------------------------------------------------------- set-up and checks

    private static final class Account {
        final String user;
        final String token;
        long roomId;
        Chatter chatter;
        /** Questions asked by earlier chatters of this account (earlier warm-up rounds). */
        int askedEarlier;

        int asked() {
            return askedEarlier + (chatter == null ? 0 : chatter.asked());
        }

        Account(String user) {
            this.user = user;
            this.token = TestKeys.token(user);
        }
    }

    private List<Account> accounts(String prefix, int count, ServerProcess server) throws Exception {
        long start = System.nanoTime();
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            accounts.add(new Account(prefix + "-" + i));
        }
        Semaphore inFlight = new Semaphore(8);
        List<CompletableFuture<Void>> created = new ArrayList<>();
        for (Account account : accounts) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(server.base().resolve("api/rooms"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + account.token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"bench " + account.user + "\"}")).build();
            created.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                inFlight.release();
                if (failure != null || response.statusCode() != 201) {
                    throw new IllegalStateException("room not created for " + account.user + ": "
                            + (failure != null ? failure : response.statusCode() + " " + response.body()));
                }
                try {
                    account.roomId = JSON.readTree(response.body()).path("id").asLong();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
        }
        CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        if (count > 0) {
            line("set-up: " + count + " " + prefix + " users with a token and a room each in "
                    + fmt((System.nanoTime() - start) / 1e9) + " s");
        }
        return accounts;
    }

    /** Every question and answer must be in the database: the REST history of each room. */
    private void verifyStored(ServerProcess server, List<Account> accounts, String expected) throws Exception {
        long start = System.nanoTime();
        AtomicLong questions = new AtomicLong();
        AtomicLong answers = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        AtomicLong missing = new AtomicLong();
        Map<String, Long> problems = new java.util.concurrent.ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(8);
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (Account account : accounts) {
            int asked = account.asked();
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(server.base().resolve("api/rooms/" + account.roomId + "/messages?limit=200"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + account.token).build();
            checks.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                inFlight.release();
                if (failure != null || response.statusCode() != 200) {
                    problems.merge("rest-failed", 1L, Long::sum);
                    return null;
                }
                try {
                    int user = 0;
                    int bot = 0;
                    JsonNode messages = JSON.readTree(response.body());
                    rows.addAndGet(messages.size());
                    for (JsonNode m : messages) {
                        if ("user".equals(m.path("role").asText())) {
                            user++;
                        } else if ("complete".equals(m.path("status").asText()) && expected.equals(m.path("message").asText())) {
                            bot++;
                        } else {
                            problems.merge("bot-" + m.path("status").asText(), 1L, Long::sum);
                        }
                    }
                    questions.addAndGet(user);
                    answers.addAndGet(bot);
                    missing.addAndGet(Math.max(0, asked - user) + Math.max(0, asked - bot));
                } catch (IOException e) {
                    problems.merge("bad-json", 1L, Long::sum);
                }
                return null;
            }));
        }
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        long asked = accounts.stream().mapToLong(Account::asked).sum();
        row("database rows (REST, " + accounts.size() + " rooms incl. warm-up)", rows.get() + ": " + questions.get()
                + " questions, " + answers.get() + " complete answers equal to the model's, for " + asked
                + " questions asked; missing " + missing.get() + (problems.isEmpty() ? "" : ", other " + problems)
                + " (checked in " + fmt((System.nanoTime() - start) / 1e9) + " s)");
    }

    private void redisKeys(RedisProcess redis) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), redis.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            out.write("*1\r\n$6\r\nDBSIZE\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long size = Long.parseLong(readLine(in).substring(1));
            Map<String, Integer> groups = new TreeMap<>();
            if (size < 200_000) {
                out.write("*2\r\n$4\r\nKEYS\r\n$1\r\n*\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                int n = Integer.parseInt(readLine(in).substring(1));
                for (int i = 0; i < n; i++) {
                    readLine(in);
                    groups.merge(readLine(in).replaceAll("\\d+", "#"), 1, Integer::sum);
                }
            }
            row("Redis keys afterwards", size + " " + groups);
        } catch (IOException | RuntimeException e) {
            row("Redis keys afterwards", "unreadable: " + e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private PostgresProcess postgres;

    /** CPU seconds of every process named postgres: the server and its backends. */
    private static double postgresCpuSeconds() {
        double total = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    if (!stat.contains("(postgres)")) {
                        continue;
                    }
                    total += ServerProcess.cpuSecondsOf(stat);
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return total;
    }

    private ServerProcess launch(StreamingModel model, RedisProcess redis, Path data, String logName) throws IOException {
        Map<String, String> config = new HashMap<>();
        config.put("ainfo.llm.provider", "openai");
        config.put("ainfo.llm.base-url", model.baseUrl());
        config.put("ainfo.llm.api-key", "bench");
        config.put("ainfo.redis.url", redis.url());
        config.putAll(TestKeys.config());
        config.put("ainfo.data-dir", data.toString());
        if (postgres != null) {
            config.put("ainfo.db.url", postgres.jdbcUrl());
            config.put("ainfo.db.user", postgres.user());
        } else {
            config.put("ainfo.db.url", ConfiguredDataSource.embeddedUrl(data));
        }
        config.put("ainfo.chat.rate", "1000000");
        config.put("ainfo.ws.max-sockets-per-user", "1000000");
        config.putAll(settings.server);
        List<String> jvm = Arrays.stream(settings.jvm().split("\\s+")).filter(s -> !s.isBlank()).toList();
        Map<String, String> environment = settings.environment;
        if (settings.serverKind.equals("wildfly")) {
            return ServerProcess.launchWildFly(Path.of(System.getProperty("wildfly.home", "target/wildfly-39.0.1.Final")).toAbsolutePath(),
                    Path.of(settings.war).toAbsolutePath(), jvm, config, environment, runDir.resolve(logName));
        }
        // ServerProcess always adds --nohazelcast --disablephonehome (no probes beyond loopback).
        return ServerProcess.launch(settings.javaHome, Path.of("target", "payara-micro.jar").toAbsolutePath(),
                Path.of(settings.war).toAbsolutePath(),
                settings.postBoot.equals("none") ? null : Path.of(settings.postBoot).toAbsolutePath(), jvm, config,
                environment, runDir.resolve(logName));
    }

    // ---------------------------------------------------------------- output

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    private void row(String name, String value) {
        line("| " + name + " | " + value + " |");
    }

    private static String fmt(double value) {
        return String.format("%.2f", value);
    }

    private static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
