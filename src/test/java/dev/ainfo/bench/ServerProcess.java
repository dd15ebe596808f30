package dev.ainfo.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The real server: Payara Micro or WildFly with the built WAR, as a child process, and what /proc says about it. */
final class ServerProcess implements AutoCloseable {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final Process process;
    private final Path javaHome;
    private final int port;
    private final int healthPort;
    private final Path log;
    private final long launchedNanos;
    private long readyNanos;

    private ServerProcess(Process process, Path javaHome, int port, int healthPort, Path log, long launchedNanos) {
        this.process = process;
        this.javaHome = javaHome;
        this.port = port;
        this.healthPort = healthPort;
        this.log = log;
        this.launchedNanos = launchedNanos;
    }

    static ServerProcess launch(Path javaHome, Path microJar, Path war, Path postBoot, List<String> jvmOptions,
                                Map<String, String> config, Map<String, String> environment, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        // Pauses stop every stream at once: the report counts those of the phase from this log.
        command.add("-Xlog:gc:file=" + gcLog(log) + ":uptimenanos");
        command.addAll(jvmOptions);
        new TreeMap<>(config).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", microJar.toString(), "--nohazelcast", "--disablephonehome",
                "--port", String.valueOf(port), "--contextroot", "/", "--deploy", war.toString()));
        if (postBoot != null && Files.exists(postBoot)) {
            boolean preBoot = postBoot.getFileName().toString().startsWith("pre-boot");
            command.addAll(List.of(preBoot ? "--prebootcommandfile" : "--postbootcommandfile", postBoot.toString()));
        }
        Files.createDirectories(log.getParent());
        long launched = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new ServerProcess(process, javaHome, port, port, log, launched);
    }

    /** WildFly 39 set up by wildfly-config/ (see {@link WildFlyCommand}); health is on its management port. */
    static ServerProcess launchWildFly(Path home, Path war, List<String> jvmOptions, Map<String, String> config,
                                       Map<String, String> environment, Path log) throws IOException {
        int port = freePort();
        int management = freePort();
        List<String> jvm = new ArrayList<>(List.of("-Xlog:gc:file=" + gcLog(log) + ":uptimenanos"));
        jvm.addAll(jvmOptions);
        Files.createDirectories(log.getParent());
        List<String> command = WildFlyCommand.build(home, war, log.resolveSibling("wildfly"), port, management, freePort(), jvm, config);
        long launched = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start(), Path.of(System.getProperty("java.home")), port, management, log, launched);
    }

    static Path gcLog(Path serverLog) {
        return serverLog.resolveSibling(serverLog.getFileName().toString().replace(".log", "") + "-gc.log");
    }

    private static final Pattern PAUSE = Pattern.compile("^\\[(\\d+)ns\\].*Pause (.*?) \\d+M->.* ([0-9.]+)ms$");

    /**
     * The GC pauses since {@code sinceNanos} (a System.nanoTime of this JVM), by kind: count, total
     * and longest. The server's uptime is counted from its launch, which is within a few
     * milliseconds of its JVM's start.
     */
    String pausesSince(long sinceNanos) {
        long fromUptime = sinceNanos - launchedNanos;
        Map<String, double[]> kinds = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(gcLog(log))) {
                Matcher m = PAUSE.matcher(line);
                if (m.find() && Long.parseLong(m.group(1)) >= fromUptime) {
                    double ms = Double.parseDouble(m.group(3));
                    double[] k = kinds.computeIfAbsent(m.group(2).replaceAll(" \\(.*\\)", ""), x -> new double[3]);
                    k[0]++;
                    k[1] += ms;
                    k[2] = Math.max(k[2], ms);
                }
            }
        } catch (IOException e) {
            return "unreadable: " + e;
        }
        StringBuilder out = new StringBuilder();
        kinds.forEach((kind, k) -> out.append(out.length() == 0 ? "" : "; ").append(String.format(
                "%s: %d, total %.0f ms, longest %.1f ms", kind, (long) k[0], k[1], k[2])));
        return out.length() == 0 ? "none" : out.toString();
    }

    private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);

    /**
     * What the heap holds that is already dead, by class: the histogram of all objects minus the
     * histogram of live ones (which takes a full GC). Shows what fills the old generation between
     * full collections.
     */
    String garbageByClass(int top) {
        Map<String, Long> all = histogram(jcmd("GC.class_histogram", "-all"));
        Map<String, Long> live = histogram(jcmd("GC.class_histogram"));
        long total = 0;
        Map<String, Long> dead = new TreeMap<>();
        for (Map.Entry<String, Long> e : all.entrySet()) {
            long bytes = e.getValue() - live.getOrDefault(e.getKey(), 0L);
            if (bytes > 0) {
                dead.put(e.getKey(), bytes);
                total += bytes;
            }
        }
        StringBuilder out = new StringBuilder(total / (1 << 20) + " MB dead:");
        dead.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.append(' ').append(e.getKey()).append(' ').append(e.getValue() / 1024).append(" kB;"));
        Matcher nmt = Pattern.compile("-\\s+([A-Za-z ]+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)")
                .matcher(jcmd("VM.native_memory", "summary"));
        if (nmt.find()) {
            out.append(" native memory committed (NMT):");
            do {
                out.append(' ').append(nmt.group(1)).append(' ').append(Long.parseLong(nmt.group(2)) / 1024).append(" MB;");
            } while (nmt.find());
        }
        // What the application still holds once the phase is over: answers and streams should be gone.
        out.append(" live application objects:");
        live.entrySet().stream().filter(e -> e.getKey().startsWith("dev.ainfo."))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(" B;"));
        return out.toString();
    }

    private static Map<String, Long> histogram(String text) {
        Map<String, Long> bytes = new TreeMap<>();
        Matcher m = HISTOGRAM_ROW.matcher(text);
        while (m.find()) {
            bytes.merge(m.group(3), Long.parseLong(m.group(2)), Long::sum);
        }
        return bytes;
    }

    /** Waits until /health/ready answers 200; returns the launch-to-ready time. */
    Duration awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI ready = URI.create("http://127.0.0.1:" + healthPort + "/health/ready");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    readyNanos = System.nanoTime();
                    return Duration.ofNanos(readyNanos - launchedNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        Path threads = log.resolveSibling("threads-not-ready.txt");
        try {
            Files.writeString(threads, jcmd("Thread.print"));
        } catch (IOException e) {
            threads = log; // no dump; the log is all there is
        }
        throw new IllegalStateException("the server was not ready within " + timeout + "; see " + log + " and " + threads);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    URI webSocketBase() {
        return URI.create("ws://127.0.0.1:" + port + "/");
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /**
     * CPU seconds so far per thread group: each thread's name (/proc comm, 15 characters) with digits
     * folded to '#', so GC, JIT, request and executor threads can be told apart.
     */
    java.util.Map<String, Double> cpuByThreadGroup() {
        java.util.Map<String, Double> groups = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) TICKS_PER_SECOND;
                    groups.merge(name, cpu, Double::sum);
                } catch (IOException | RuntimeException threadEnded) {
                    // the thread ended while we read it
                }
            }
        } catch (IOException e) {
            return java.util.Map.of();
        }
        return groups;
    }

    /** User plus system CPU time of the server so far, in seconds. */
    double cpuSeconds() {
        try {
            return cpuSecondsOf(Files.readString(Path.of("/proc", String.valueOf(pid()), "stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** User plus system CPU of a process, from the text of its /proc/<pid>/stat. */
    static double cpuSecondsOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command: state is field 3, utime 14, stime 15 (1-based over the whole line)
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) TICKS_PER_SECOND;
    }

    /** A field of /proc/pid/status in kB (VmHWM, VmRSS) or a count (Threads); -1 if unreadable. */
    long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return -1;
    }

    /** Methods the JIT has compiled so far (HotSpot's sun.ci.totalCompiles), or -1. */
    long compilations() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("sun\\.ci\\.totalCompiles=(\\d+)")
                .matcher(jcmd("PerfCounter.print"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Methods waiting for the JIT, per compiler ("C1 12, C2 340"): a long C2 queue means it is still warming up. */
    String compileQueue() {
        Map<String, Integer> waiting = new LinkedHashMap<>();
        String compiler = null;
        for (String line : jcmd("Compiler.queue").lines().toList()) {
            if (line.matches("C\\d compile queue:")) {
                compiler = line.substring(0, 2);
                waiting.put(compiler, 0);
            } else if (compiler != null && !line.isBlank() && !line.strip().equals("Empty")) {
                waiting.merge(compiler, 1, Integer::sum);
            }
        }
        return waiting.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Runs jcmd against the server and returns what it printed. */
    String jcmd(String... arguments) {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("jcmd").toString(),
                String.valueOf(pid())));
        command.addAll(List.of(arguments));
        try {
            Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = jcmd.getInputStream().readAllBytes();
            jcmd.waitFor(60, TimeUnit.SECONDS);
            return new String(out);
        } catch (IOException e) {
            return "jcmd failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static final Pattern USED = Pattern.compile(
            "(garbage-first heap|PSYoungGen|ParOldGen|def new generation|tenured generation|ZHeap|Shenandoah).*?used (\\d+)K");

    /** Heap in use right after a full collection, in kB. */
    long heapUsedAfterGcKb() {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        long used = 0;
        Matcher m = USED.matcher(info);
        while (m.find()) {
            used += Long.parseLong(m.group(2));
        }
        return used;
    }

    /** Thread counts grouped by name with the digits removed, biggest groups first. */
    Map<String, Integer> threadGroups() {
        return groups(jcmd("Thread.print"));
    }

    static Map<String, Integer> groups(String dump) {
        Map<String, Integer> groups = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\"([^\"]*)\"").matcher(dump);
        while (m.find()) {
            groups.merge(m.group(1).replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        return groups;
    }

    /**
     * For the request, executor and HTTP-client threads of a dump: their state and the first frame
     * that is not JDK or container plumbing, counted.
     */
    static Map<String, Integer> waits(String dump) {
        Map<String, Integer> waits = new TreeMap<>();
        for (String block : dump.split("\n\n")) {
            if (!block.startsWith("\"")) {
                continue;
            }
            String name = block.substring(1, block.indexOf('"', 1));
            // Payara's request and executor threads, then WildFly's (Undertow's "default task-N", the EE executor).
            if (!name.startsWith("http-thread-pool") && !name.startsWith("concurrent/") && !name.startsWith("Thread-")
                    && !name.startsWith("default task-") && !name.startsWith("EE-Managed")) {
                continue;
            }
            Matcher state = Pattern.compile("java.lang.Thread.State: (\\S+)").matcher(block);
            String where = "idle";
            for (String line : block.split("\n")) {
                String frame = line.strip();
                if (frame.startsWith("at ") && (frame.contains("dev.ainfo.") || frame.contains("org.redisson")
                        || frame.contains("org.h2.") || frame.contains("com.sun.gjc") || frame.contains("jdbc")
                        || frame.contains("eclipse.persistence") || frame.contains("getConnection"))) {
                    where = frame.substring(3).replaceAll("\\(.*", "");
                    break;
                }
            }
            waits.merge(name.replaceAll("\\d+", "#") + " " + (state.find() ? state.group(1) : "?") + " " + where, 1, Integer::sum);
        }
        return waits;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
