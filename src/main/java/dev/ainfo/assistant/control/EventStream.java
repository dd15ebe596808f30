package dev.ainfo.assistant.control;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParsingHandle;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/** Turns the lines of a text/event-stream body into server-sent events for a langchain4j listener. */
final class EventStream implements Flow.Subscriber<String>, ServerSentEventParsingHandle {

    private final ServerSentEventListener listener;
    private final UpstreamCall call;
    private final AtomicBoolean over = new AtomicBoolean();
    private final StringBuilder data = new StringBuilder();
    private String event;
    private boolean hasData;

    EventStream(ServerSentEventListener listener, UpstreamCall call) {
        this.listener = listener;
        this.call = call;
    }

    HttpResponse.BodySubscriber<Void> bodyFor(HttpResponse.ResponseInfo info) {
        if (info.statusCode() < 200 || info.statusCode() > 299) {
            call.refusedWith(info.headers());
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8),
                    body -> {
                        fail(new HttpException(info.statusCode(), body));
                        return null;
                    });
        }
        listener.onOpen(SuccessfulHttpResponse.builder().statusCode(info.statusCode())
                .headers(info.headers().map()).build());
        return HttpResponse.BodySubscribers.fromLineSubscriber(this);
    }

    void exchangeEnded(Throwable failure) {
        if (failure != null) {
            fail(failure);
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        call.body(subscription);
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (over.get()) {
            return;
        }
        if (line.isEmpty()) {
            dispatch();
        } else if (line.startsWith("data:")) {
            if (hasData) {
                data.append('\n');
            }
            data.append(value(line, 5));
            hasData = true;
        } else if (line.startsWith("event:")) {
            event = value(line, 6);
        }
        // Comments (":") and unknown fields are ignored, as the SSE specification says.
    }

    @Override
    public void onError(Throwable failure) {
        fail(failure);
    }

    @Override
    public void onComplete() {
        call.bodyEnded();
        dispatch();
        if (over.compareAndSet(false, true)) {
            listener.onClose();
        }
    }

    @Override
    public void cancel() {
        over.set(true);
        call.cancel();
    }

    @Override
    public boolean isCancelled() {
        return call.cancelled();
    }

    private void dispatch() {
        if (!hasData || over.get()) {
            return;
        }
        ServerSentEvent sse = new ServerSentEvent(event, data.toString());
        data.setLength(0);
        hasData = false;
        event = null;
        try {
            listener.onEvent(sse, new ServerSentEventContext(this));
        } catch (RuntimeException malformed) {
            fail(malformed);
            call.cancel();
        }
    }

    private void fail(Throwable failure) {
        if (over.compareAndSet(false, true) && !call.cancelled()) {
            listener.onError(failure);
        }
    }

    private static String value(String line, int prefix) {
        String value = line.substring(prefix);
        return value.startsWith(" ") ? value.substring(1) : value;
    }
}
