package dev.ainfo.assistant.control;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * One HTTP exchange with the model, cancellable at any moment: before the response arrives (the
 * request is aborted) and while the body streams (the connection is closed).
 */
public final class UpstreamCall {

    private CompletableFuture<?> exchange;
    private Flow.Subscription body;
    private boolean cancelled;
    private boolean bodyEnded;
    private Duration retryAfter;

    synchronized void exchange(CompletableFuture<?> future) {
        this.exchange = future;
        if (cancelled) {
            future.cancel(true);
        }
    }

    synchronized void body(Flow.Subscription subscription) {
        this.body = subscription;
        if (cancelled) {
            subscription.cancel();
        }
    }

    /**
     * The body was read to its end: the exchange is over, and its connection goes back to the pool.
     * A cancel after this must not close it (it used to, after every answer, so each model call
     * opened a new connection).
     */
    synchronized void bodyEnded() {
        bodyEnded = true;
    }

    public void cancel() {
        CompletableFuture<?> future;
        Flow.Subscription subscription;
        synchronized (this) {
            if (cancelled || bodyEnded) {
                return;
            }
            cancelled = true;
            future = exchange;
            subscription = body;
        }
        if (subscription != null) {
            subscription.cancel();
        }
        if (future != null) {
            future.cancel(true);
        }
    }

    /** The exchange is over, its response and body complete or failed. */
    synchronized boolean exchangeOver() {
        return exchange != null && exchange.isDone();
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** The server's Retry-After (seconds form), if its refusal carried one. */
    public synchronized Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    synchronized void refusedWith(HttpHeaders headers) {
        headers.firstValue("Retry-After").ifPresent(value -> {
            try {
                retryAfter = Duration.ofSeconds(Long.parseLong(value.strip()));
            } catch (NumberFormatException httpDate) {
                // The HTTP-date form is rare for model APIs; the regular backoff applies.
            }
        });
    }
}
