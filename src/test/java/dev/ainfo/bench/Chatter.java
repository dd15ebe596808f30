package dev.ainfo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One simulated user on one chat socket: connects, waits for the history frame, then asks its
 * questions one at a time, thinking between them. Driven entirely by callbacks and timers, so a
 * thousand of them need a handful of threads.
 */
final class Chatter implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What all chatters of a run share: where to report and the run's limits. */
    record Run(HttpClient http, URI wsBase, ScheduledExecutorService timers, Results results, String expected,
               int questions, long thinkMinMillis, long thinkMaxMillis, Duration answerTimeout,
               CountDownLatch finished) {
    }

    final String user;
    final long roomId;
    private final String token;
    private final Run run;
    private final StringBuilder partial = new StringBuilder();
    private final StringBuilder answer = new StringBuilder();
    private WebSocket socket;
    private int asked;
    private int answered;
    private long sentAt;
    private boolean firstChunkSeen;
    private boolean finished;
    private ScheduledFuture<?> timeout;

    Chatter(String user, String token, long roomId, Run run) {
        this.user = user;
        this.token = token;
        this.roomId = roomId;
        this.run = run;
    }

    synchronized int asked() {
        return asked;
    }

    void connect() {
        long start = System.nanoTime();
        run.http().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(run.wsBase().resolve("ws/chat/" + roomId + "?token=" + token), this)
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                        run.results().error(cause instanceof WebSocketHandshakeException refused
                                ? "handshake:" + refused.getResponse().statusCode()
                                : "connect:" + cause.getClass().getSimpleName());
                        run.results().connectFailed();
                        finish();
                    } else {
                        run.results().handshake.add(System.nanoTime() - start);
                        run.results().connected();
                    }
                });
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        synchronized (this) {
            socket = webSocket;
        }
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (!last) {
            return null;
        }
        String text = partial.toString();
        partial.setLength(0);
        try {
            // Chunk frames are the bulk: check their type cheaply, parse only what is needed.
            JsonNode frame = JSON.readTree(text);
            switch (frame.path("type").asText()) {
                case "chunk" -> chunk(frame.path("response").asText(), now);
                case "done" -> done(frame, now);
                case "history" -> history();
                case "error" -> failed("error:" + frame.path("code").asText());
                default -> run.results().error("unknown-frame");
            }
        } catch (Exception e) {
            run.results().error("bad-frame:" + e.getClass().getSimpleName());
        }
        return null;
    }

    private synchronized void history() {
        if (asked == 0 && !finished) {
            ask();
        }
    }

    private synchronized void chunk(String delta, long now) {
        if (!firstChunkSeen) {
            firstChunkSeen = true;
            run.results().firstChunk.add(now - sentAt);
        }
        run.results().chunk();
        answer.append(delta);
    }

    private synchronized void done(JsonNode frame, long now) {
        cancelTimeout();
        run.results().answer.add(now - sentAt);
        String response = frame.path("response").asText();
        if (!"complete".equals(frame.path("status").asText())) {
            run.results().error("done:" + frame.path("status").asText());
        } else if (!response.contentEquals(answer)) {
            run.results().error("done-differs-from-chunks");
        } else if (!response.equals(run.expected())) {
            run.results().error("answer-differs-from-model");
        } else if (frame.path("messageId").asLong() <= 0) {
            run.results().error("no-message-id");
        } else {
            run.results().answered();
        }
        next();
    }

    private synchronized void failed(String kind) {
        run.results().error(kind);
        cancelTimeout();
        next();
    }

    private void next() {
        answered++;
        if (asked >= run.questions()) {
            close();
            return;
        }
        long think = run.thinkMaxMillis() <= 0 ? 0
                : ThreadLocalRandom.current().nextLong(run.thinkMinMillis(), run.thinkMaxMillis() + 1);
        if (think == 0) {
            ask();
        } else {
            run.timers().schedule(this::askLater, think, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void askLater() {
        if (!finished) {
            ask();
        }
    }

    // Called with the lock held.
    private void ask() {
        asked++;
        answer.setLength(0);
        firstChunkSeen = false;
        int question = asked;
        timeout = run.timers().schedule(() -> timedOut(question), run.answerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        sentAt = System.nanoTime();
        run.results().asked();
        socket.sendText("{\"message\":\"청년 주거 지원 정책을 알려줘 (" + user + " #" + question + ")\"}", true)
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        run.results().error("send:" + failure.getClass().getSimpleName());
                    }
                });
    }

    private synchronized void timedOut(int question) {
        if (!finished && asked == question && answered < question) {
            run.results().error("answer-timeout");
            next();
        }
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }

    private synchronized void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        finish();
    }

    private synchronized void finish() {
        if (!finished) {
            finished = true;
            cancelTimeout();
            run.finished().countDown();
        }
    }

    @Override
    public synchronized CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!finished) {
            run.results().error("closed:" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason)
                    + " after " + answered + " answers");
            finish();
        }
        return null;
    }

    @Override
    public synchronized void onError(WebSocket webSocket, Throwable error) {
        if (!finished) {
            run.results().error("socket:" + error.getClass().getSimpleName());
            finish();
        }
    }
}
