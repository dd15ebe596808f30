package dev.ainfo.assistant.control;

import dev.ainfo.platform.control.AppMetrics;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One streamed model answer with its safety rails: bounded retries with backoff (honouring
 * Retry-After) while nothing has been streamed yet, a first-token timeout, an idle timeout, and
 * cancellation that closes the upstream connection.
 */
final class ModelStream implements StreamingChatResponseHandler, AnswerHandle, Runnable {

    /** The limits of one model call; see the ainfo.llm.* keys. */
    record Limits(Duration firstToken, Duration idle, int maxRetries, Duration backoff, Duration maxRetryAfter) {
    }

    private final StreamingChatModel model;
    private final ChatRequest request;
    private final AnswerListener listener;
    private final Limits limits;
    private final ScheduledExecutorService scheduler;
    private final Runnable onEnd;

    private UpstreamCall call;
    private int attempt;
    private long attemptStartedNanos;
    private long lastTokenNanos;
    private boolean streaming;
    private boolean ended;

    ModelStream(StreamingChatModel model, ChatRequest request, AnswerListener listener, Limits limits,
                ScheduledExecutorService scheduler, Runnable onEnd) {
        this.model = model;
        this.request = request;
        this.listener = listener;
        this.limits = limits;
        this.scheduler = scheduler;
        this.onEnd = onEnd;
        this.attemptStartedNanos = System.nanoTime();
    }

    void start() {
        UpstreamCall current;
        synchronized (this) {
            if (ended) {
                return;
            }
            call = new UpstreamCall();
            current = call;
            attemptStartedNanos = System.nanoTime();
        }
        try {
            CallbackHttpClient.within(current, () -> model.chat(request, this));
        } catch (RuntimeException e) {
            onError(e);
        }
    }

    @Override
    public void onPartialResponse(String text) {
        synchronized (this) {
            if (ended) {
                return;
            }
            lastTokenNanos = System.nanoTime();
            if (!streaming) {
                AppMetrics.modelFirstToken(lastTokenNanos - attemptStartedNanos);
            }
            streaming = true;
        }
        listener.onDelta(text);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        if (end()) {
            listener.onComplete();
        }
    }

    @Override
    public void onError(Throwable error) {
        Duration retryIn;
        synchronized (this) {
            if (ended) {
                return;
            }
            retryIn = !streaming && retryable(error) && attempt < limits.maxRetries() ? backoff() : null;
            if (retryIn != null) {
                attempt++;
            }
        }
        if (retryIn != null) {
            AppMetrics.modelRetry();
            scheduler.schedule(this::start, retryIn.toMillis(), TimeUnit.MILLISECONDS);
        } else if (end()) {
            AppMetrics.modelFailure(cause(error));
            listener.onError(error);
        }
    }

    /** The deadline check, run by the heartbeat. */
    @Override
    public void run() {
        String timedOut;
        synchronized (this) {
            if (ended) {
                return;
            }
            long now = System.nanoTime();
            if (!streaming && now - attemptStartedNanos > limits.firstToken().toNanos()) {
                timedOut = "no first token within " + limits.firstToken();
            } else if (streaming && now - lastTokenNanos > limits.idle().toNanos()) {
                timedOut = "the model stalled for " + limits.idle();
            } else {
                return;
            }
        }
        if (end()) {
            AppMetrics.modelFailure(streaming ? "idle_timeout" : "first_token_timeout");
            listener.onError(new TimeoutException(timedOut));
        }
    }

    @Override
    public void cancel() {
        end();
    }

    /** Ends the stream once, closing the upstream connection; false if it had already ended. */
    private boolean end() {
        UpstreamCall current;
        synchronized (this) {
            if (ended) {
                return false;
            }
            ended = true;
            current = call;
        }
        if (current != null) {
            current.cancel();
        }
        onEnd.run();
        return true;
    }

    private Duration backoff() {
        Duration exponential = limits.backoff().multipliedBy(1L << Math.min(attempt, 10));
        Duration asked = call == null ? Duration.ZERO : call.retryAfter().orElse(Duration.ZERO);
        Duration capped = asked.compareTo(limits.maxRetryAfter()) > 0 ? limits.maxRetryAfter() : asked;
        return capped.compareTo(exponential) > 0 ? capped : exponential;
    }

    /** The failure's cause as a metric label: the HTTP status class, a connection failure, or other. */
    static String cause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http) {
                int status = http.statusCode();
                return status == 429 ? "rate_limited" : status >= 500 ? "server_error" : "client_error";
            }
            if (cause instanceof java.io.IOException) {
                return "connection";
            }
        }
        return "other";
    }

    /**
     * Worth another try before anything was streamed: the model is overloaded or failing (429, 5xx),
     * or the connection failed, which includes a pooled keep-alive connection the server had closed.
     */
    static boolean retryable(Throwable error) {
        Throwable cause = error;
        while (cause != null) {
            if (cause instanceof HttpException http) {
                return http.statusCode() == 429 || http.statusCode() >= 500;
            }
            if (cause instanceof java.io.IOException && !(cause instanceof java.net.http.HttpTimeoutException)) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }
}
