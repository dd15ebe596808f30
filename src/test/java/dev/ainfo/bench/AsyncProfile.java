package dev.ainfo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * async-profiler (Maven Central's tools.profiler:async-profiler) attached to the running server with
 * jcmd for part of the phase. Unlike JFR's execution samples it sees every thread (JIT compiler and GC
 * threads too) and native frames, so its shares are shares of the server's CPU; JFR's allocation
 * weights misled us in the fourth session, its allocation samples here are TLAB-based.
 */
final class AsyncProfile {

    /** Application steps, matched anywhere in a stack; they overlap (an answer's end includes its insert). */
    static final Map<String, String> STEPS = steps();

    private final ServerProcess server;
    private final Path library;
    private final Path output;
    private final String event;

    private AsyncProfile(ServerProcess server, Path library, Path output, String event) {
        this.server = server;
        this.library = library;
        this.output = output;
        this.event = event;
    }

    /** Starts sampling {@code event} (cpu, itimer, wall or alloc) in the server; null if unavailable. */
    static AsyncProfile start(ServerProcess server, Path runDir, String event) {
        Path library = runDir.resolve("libasyncProfiler.so");
        try (InputStream in = AsyncProfile.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
            if (in == null) {
                System.out.println("async-profiler: not on the classpath");
                return null;
            }
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String interval = switch (event) {
            case "alloc" -> "256k";
            case "wall" -> "10ms";
            default -> "2ms";
        };
        AsyncProfile profile = new AsyncProfile(server, library, runDir.resolve("server-" + event + ".collapsed"), event);
        System.out.println("async-profiler: " + profile.agent("start,event=" + event + ",interval=" + interval + ",threads"));
        return profile;
    }

    private boolean stopped;

    /** Stops sampling and writes the stacks; only the first call does anything. */
    synchronized void stop() {
        if (!stopped) {
            stopped = true;
            System.out.println("async-profiler: " + agent("stop,collapsed,threads,file=" + output));
        }
    }

    /** jcmd reads key=value pairs itself unless the agent's options are quoted. */
    private String agent(String options) {
        return server.jcmd("JVMTI.agent_load", library.toString(), "\"" + options + "\"").strip().replace('\n', ' ');
    }

    Path output() {
        return output;
    }

    String event() {
        return event;
    }

    /** Thread groups, application steps, nearest application frames and hottest leaves of a collapsed file. */
    static String summarize(Path collapsed, int top) throws IOException {
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> steps = new HashMap<>();
        Map<String, Long> appFrames = new HashMap<>();
        Map<String, Long> leaves = new HashMap<>();
        long total = 0;
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long n = Long.parseLong(line.substring(space + 1));
            String stack = line.substring(0, space);
            List<String> frames = List.of(stack.split(";"));
            total += n;
            threads.merge(threadGroup(frames.get(0)), n, Long::sum);
            STEPS.forEach((step, marker) -> {
                if (stack.contains(marker)) {
                    steps.merge(step, n, Long::sum);
                }
            });
            for (int i = frames.size() - 1; i > 0; i--) {
                if (frames.get(i).startsWith("dev/ainfo/")) {
                    appFrames.merge(simple(frames.get(i)), n, Long::sum);
                    break;
                }
            }
            leaves.merge(simple(frames.get(frames.size() - 1)), n, Long::sum);
        }
        return "samples: " + total + "\n"
                + "by thread group:\n" + Profile.top(threads, total, top)
                + "by application step (inclusive; steps overlap):\n" + Profile.top(steps, total, STEPS.size())
                + "by nearest application frame (inclusive):\n" + Profile.top(appFrames, total, top)
                + "hottest frames (self):\n" + Profile.top(leaves, total, top);
    }

    private static String threadGroup(String first) {
        if (!first.startsWith("[")) {
            return "?";
        }
        int tid = first.lastIndexOf(" tid=");
        return first.substring(1, tid > 0 ? tid : first.length() - 1).replaceAll("\\d+", "#");
    }

    private static String simple(String frame) {
        return frame.substring(frame.lastIndexOf('/') + 1);
    }

    private static Map<String, String> steps() {
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("question: memory, retrieval, prompt (PolicyAssistant.prepare)", "PolicyAssistant.prepare");
        steps.put("retrieval only (PolicySearcher.search)", "PolicySearcher.search");
        steps.put("chat log writes (ChatLogs)", "rooms/control/ChatLogs");
        steps.put("history loads on connect", "Conversation.lambda$open");
        steps.put("model stream: each token's line, JSON and chunk (EventStream.onNext)", "EventStream.onNext");
        steps.put("answer end: insert, memory note, done frame (EventStream.onComplete)", "EventStream.onComplete");
        steps.put("memory load", "ConversationMemory.load");
        steps.put("memory update incl. summaries", "ConversationMemory.remember");
        steps.put("rate limit", "QuestionRate.allows");
        steps.put("handshake checks (HandshakeGuard)", "HandshakeGuard");
        steps.put("WebSocket (Tyrus)", "org/glassfish/tyrus");
        steps.put("JDK HTTP client to the model", "jdk/internal/net/http");
        steps.put("Redis client (Redisson)", "org/redisson");
        steps.put("EclipseLink", "org/eclipse/persistence");
        steps.put("H2", "org/h2");
        return steps;
    }
}
