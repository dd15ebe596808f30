package dev.ainfo.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible streaming chat-completions server built to hold thousands of streams at
 * once: the handler only reads the request and answers the headers; a small scheduled pool then
 * writes each token, D ms apart, to the open exchange. No thread sleeps per stream. Every answer is
 * the same N tokens ("tok0 tok1 ..."), so the benchmark can check what was delivered and stored.
 * A follow-up rewrite (recognised by its instruction) streams a short query instead, and a
 * one-shot request (a memory summary) gets a JSON reply after the time of {@link #ONE_SHOT_TOKENS}.
 */
final class StreamingModel implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(2, daemon("model-handler"));
    private final ScheduledExecutorService writers = Executors.newScheduledThreadPool(2, daemon("model-writer"));
    private final List<byte[]> events = new ArrayList<>();
    private final byte[] end;
    private final long intervalMillis;
    private final String expected;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peakOpen = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong broken = new AtomicLong();
    private final AtomicLong rewrites = new AtomicLong();
    private final AtomicLong oneShots = new AtomicLong();
    private final List<byte[]> rewriteEvents = new ArrayList<>();
    static final int ONE_SHOT_TOKENS = 20;

    StreamingModel(int tokens, long intervalMillis) throws IOException {
        this.intervalMillis = intervalMillis;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tokens; i++) {
            String token = "tok" + i + " ";
            text.append(token);
            events.add(sse(chunk("{\"role\":\"assistant\",\"content\":\"" + token + "\"}", "null")));
        }
        expected = text.toString();
        for (String token : List.of("청년 ", "주거 ", "지원")) {
            rewriteEvents.add(sse(chunk("{\"role\":\"assistant\",\"content\":\"" + token + "\"}", "null")));
        }
        end = (new String(sse(chunk("{}", "\"stop\"")), StandardCharsets.UTF_8) + "data: [DONE]\n\n")
                .getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The full answer every question gets. */
    String expectedAnswer() {
        return expected;
    }

    long requests() {
        return requests.get();
    }

    long completed() {
        return completed.get();
    }

    long broken() {
        return broken.get();
    }

    int peakOpen() {
        return peakOpen.get();
    }

    long rewrites() {
        return rewrites.get();
    }

    long oneShots() {
        return oneShots.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String request;
        try (InputStream body = exchange.getRequestBody()) {
            request = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!request.replace(" ", "").contains("\"stream\":true")) {
            oneShots.incrementAndGet();
            writers.schedule(() -> reply(exchange), ONE_SHOT_TOKENS * intervalMillis, TimeUnit.MILLISECONDS);
            return;
        }
        boolean rewrite = request.contains("standalone search query");
        if (rewrite) {
            rewrites.incrementAndGet();
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        int now = open.incrementAndGet();
        peakOpen.accumulateAndGet(now, Math::max);
        new Stream(exchange, rewrite ? rewriteEvents : events).start();
    }

    private void reply(HttpExchange exchange) {
        byte[] body = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake\","
                + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"사용자는 청년 주거 지원 정책을 물었다.\"}}],"
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}").getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            broken.incrementAndGet();
        }
    }

    /** One answer being written, one token per tick, by whichever writer thread runs the tick. */
    private final class Stream implements Runnable {
        private final HttpExchange exchange;
        private final OutputStream out;
        private final List<byte[]> tokens;
        private int next;
        private ScheduledFuture<?> ticks;

        Stream(HttpExchange exchange, List<byte[]> tokens) {
            this.exchange = exchange;
            this.tokens = tokens;
            this.out = exchange.getResponseBody();
        }

        synchronized void start() {
            ticks = writers.scheduleAtFixedRate(this, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void run() {
            if (ticks == null || ticks.isDone()) {
                return;
            }
            try {
                if (next < tokens.size()) {
                    out.write(tokens.get(next++));
                    out.flush();
                    return;
                }
                out.write(end);
                out.flush();
                completed.incrementAndGet();
                finish();
            } catch (IOException | RuntimeException e) {
                broken.incrementAndGet();
                finish();
            }
        }

        private void finish() {
            ticks.cancel(false);
            open.decrementAndGet();
            exchange.close();
        }
    }

    private static String chunk(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}";
    }

    private static byte[] sse(String data) {
        return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        writers.shutdownNow();
        handlers.shutdownNow();
    }
}
