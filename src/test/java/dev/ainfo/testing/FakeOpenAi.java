package dev.ainfo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local OpenAI-compatible chat-completions server for tests: streams server-sent events (or one
 * JSON reply) token by token, and can be told to misbehave for the next requests.
 */
public final class FakeOpenAi implements AutoCloseable {

    /** What the next request gets instead of a normal answer. */
    public enum Fault { STATUS_429, STATUS_503, NO_FIRST_TOKEN, STALL_MID_STREAM, MALFORMED }

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile HttpServer server;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private final AtomicInteger clientDisconnects = new AtomicInteger();
    private final AtomicInteger openStreams = new AtomicInteger();
    private volatile Function<String, List<String>> answer = question -> numbered(30);
    private volatile Duration tokenInterval = Duration.ofMillis(20);
    private volatile Duration stall = Duration.ofSeconds(60);

    private FakeOpenAi(int port) {
        this.port = port;
    }

    public static FakeOpenAi start() {
        try {
            HttpServer first = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            FakeOpenAi fake = new FakeOpenAi(first.getAddress().getPort());
            fake.serve(first);
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(HttpServer http) {
        http.createContext("/v1/chat/completions", this::handle);
        http.setExecutor(threads);
        http.start();
        server = http;
    }

    /** Stops listening, so connections are refused, until {@link #listenAgain()}. */
    public void stopListening() {
        server.stop(0);
    }

    public void listenAgain() {
        try {
            serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    public static List<String> numbered(int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add("tok" + i + " ");
        }
        return tokens;
    }

    /** Answers every question with these pieces, given the last user message. */
    public FakeOpenAi answering(Function<String, List<String>> answer) {
        this.answer = answer;
        return this;
    }

    public FakeOpenAi tokenInterval(Duration interval) {
        this.tokenInterval = interval;
        return this;
    }

    public FakeOpenAi stallFor(Duration stall) {
        this.stall = stall;
        return this;
    }

    /** The next streamed request (an answer or a rewrite) fails this way; one-shot requests are never failed. */
    public FakeOpenAi failNext(Fault fault) {
        faults.add(fault);
        return this;
    }

    public List<JsonNode> requests() {
        return requests;
    }

    /** Each request's client port, in order: the same port twice means a reused connection. */
    public List<Integer> clientPorts() {
        return clientPorts;
    }

    /** Streams the client closed before the answer was complete. */
    public int clientDisconnects() {
        return clientDisconnects.get();
    }

    public int openStreams() {
        return openStreams.get();
    }

    public void reset() {
        faults.clear();
        requests.clear();
        clientPorts.clear();
        clientDisconnects.set(0);
        answer = question -> numbered(30);
        tokenInterval = Duration.ofMillis(20);
        stall = Duration.ofSeconds(60);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            clientPorts.add(exchange.getRemoteAddress().getPort());
            // Faults are for streamed answers: a memory summary (one-shot) that a previous test's
            // conversation sends in between must not use them up.
            Fault fault = request.path("stream").asBoolean(false) ? faults.poll() : null;
            if (fault == Fault.STATUS_429 || fault == Fault.STATUS_503) {
                byte[] body = "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(fault == Fault.STATUS_429 ? 429 : 503, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            List<String> pieces = answer.apply(lastUserMessage(request));
            if (!request.path("stream").asBoolean(false)) {
                reply(exchange, String.join("", pieces));
                return;
            }
            stream(exchange, pieces, fault);
        }
    }

    private void reply(HttpExchange exchange, String content) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion")
                .put("created", 1).put("model", "fake");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void stream(HttpExchange exchange, List<String> pieces, Fault fault) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        openStreams.incrementAndGet();
        try {
            if (fault == Fault.NO_FIRST_TOKEN) {
                out.write(": waiting\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                pause(stall);
            }
            for (int i = 0; i < pieces.size(); i++) {
                if (fault == Fault.STALL_MID_STREAM && i == pieces.size() / 2) {
                    pause(stall);
                }
                if (fault == Fault.MALFORMED && i == 2) {
                    event(out, "{\"choices\":[{\"delta\":{\"content\":");
                    event(out, "this is not json");
                    break;
                }
                event(out, chunk(pieces.get(i), null));
                pause(tokenInterval);
            }
            event(out, chunk(null, "stop"));
            event(out, "[DONE]");
        } catch (IOException closedByClient) {
            clientDisconnects.incrementAndGet();
        } finally {
            openStreams.decrementAndGet();
        }
    }

    private static String chunk(String content, String finishReason) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion.chunk")
                .put("created", 1).put("model", "fake");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("role", "assistant").put("content", content);
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return JSON.writeValueAsString(body);
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void pause(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    static String lastUserMessage(JsonNode request) {
        String last = "";
        for (JsonNode message : request.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                JsonNode content = message.path("content");
                last = content.isTextual() ? content.asText() : content.toString();
            }
        }
        return last;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
