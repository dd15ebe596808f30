package dev.ainfo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A chat socket client for tests, on the JDK's WebSocket client; collects every frame received. */
public final class ChatClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile Throwable failure;
    private final boolean autoRequest;
    private WebSocket socket;

    private ChatClient(boolean autoRequest) {
        this.autoRequest = autoRequest;
    }

    /** Connects with the token in the query string, as browsers do. */
    public static ChatClient connect(URI base, long roomId, String token) {
        return connect(base.resolve("ws/chat/" + roomId + "?token=" + token), Map.of(), true);
    }

    public static ChatClient connect(URI wsUri, Map<String, String> headers, boolean autoRequest) {
        ChatClient client = new ChatClient(autoRequest);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        try {
            client.socket = builder.buildAsync(wsUri, client.new Listener()).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new HandshakeRefused(e.getCause());
        }
        return client;
    }

    /** The HTTP status a refused handshake got, or -1 if it was not refused at HTTP level. */
    public static int refusalStatus(URI wsUri, Map<String, String> headers) {
        try {
            WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
            headers.forEach(builder::header);
            ChatClient client = new ChatClient(true);
            client.socket = builder.buildAsync(wsUri, client.new Listener()).join();
            client.close();
            return -1;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    public static final class HandshakeRefused extends RuntimeException {
        HandshakeRefused(Throwable cause) {
            super(cause);
        }
    }

    public void ask(String question) {
        send(JSON.createObjectNode().put("message", question).toString());
    }

    public void stop() {
        send("{\"type\":\"stop\"}");
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Lets the server send n more frames (only for clients connected without auto-request). */
    public void request(long n) {
        socket.request(n);
    }

    public JsonNode next(Duration timeout) {
        try {
            JsonNode frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + timeout + "; received so far: " + received);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public JsonNode nextOfType(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (type.equals(frame.path("type").asText())) {
                return frame;
            }
        }
    }

    /** All frames up to and including the next done or error frame. */
    public List<JsonNode> untilEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> answer = new ArrayList<>();
        while (true) {
            JsonNode frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            answer.add(frame);
            String type = frame.path("type").asText();
            if (type.equals("done") || type.equals("error")) {
                return answer;
            }
        }
    }

    public JsonNode poll(Duration timeout) {
        try {
            return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public List<JsonNode> received() {
        return received;
    }

    /** What {@link #awaitClose} reports when the connection ended without a close frame (RFC 6455 7.4.1). */
    public static final int ABNORMAL_CLOSURE = 1006;

    /** The close code the server sent, or {@link #ABNORMAL_CLOSURE} if the connection just ended. */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the socket was not closed within " + timeout, e);
        }
    }

    /** Why the connection ended without a close frame, if it did. */
    public Throwable failure() {
        return failure;
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Drops the connection without a close handshake, as a crashed browser would. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                socket.abort();
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            if (autoRequest) {
                webSocket.request(Long.MAX_VALUE);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode frame = JSON.readTree(partial.toString());
                    received.add(frame);
                    frames.add(frame);
                } catch (Exception e) {
                    throw new IllegalStateException("not JSON: " + partial, e);
                } finally {
                    partial.setLength(0);
                }
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failure = error;
            closed.complete(ABNORMAL_CLOSURE);
        }
    }
}
