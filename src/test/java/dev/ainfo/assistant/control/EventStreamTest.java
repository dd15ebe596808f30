package dev.ainfo.assistant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    static final class Recorder implements ServerSentEventListener {
        final List<ServerSentEvent> events = new ArrayList<>();
        final List<Throwable> errors = new ArrayList<>();
        int closes;

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (event.data().startsWith("boom")) {
                throw new IllegalArgumentException("malformed");
            }
            events.add(event);
        }

        @Override
        public void onError(Throwable error) {
            errors.add(error);
        }

        @Override
        public void onClose() {
            closes++;
        }
    }

    static final class Subscription implements Flow.Subscription {
        boolean cancelled;

        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Test
    void linesBecomeEventsAsTheSpecificationSays() {
        Recorder listener = new Recorder();
        EventStream stream = new EventStream(listener, new UpstreamCall());
        stream.onSubscribe(new Subscription());
        for (String line : List.of(": keep-alive", "", "data: {\"a\":1}", "", "event: note", "data: line one", "data:line two", "", "data: [DONE]")) {
            stream.onNext(line);
        }
        stream.onComplete();
        assertEquals(3, listener.events.size());
        assertEquals("{\"a\":1}", listener.events.get(0).data());
        assertEquals("note", listener.events.get(1).event());
        assertEquals("line one\nline two", listener.events.get(1).data());
        assertEquals("[DONE]", listener.events.get(2).data(), "the last event is flushed at the end of the body");
        assertEquals(1, listener.closes);
        assertTrue(listener.errors.isEmpty());
    }

    @Test
    void anEventTheListenerCannotReadFailsTheStreamAndClosesTheConnection() {
        Recorder listener = new Recorder();
        UpstreamCall call = new UpstreamCall();
        Subscription body = new Subscription();
        EventStream stream = new EventStream(listener, call);
        stream.onSubscribe(body);
        stream.onNext("data: fine");
        stream.onNext("");
        stream.onNext("data: boom");
        stream.onNext("");
        stream.onNext("data: after");
        stream.onNext("");
        assertEquals(1, listener.events.size());
        assertEquals(1, listener.errors.size());
        assertTrue(body.cancelled, "the upstream connection is closed");
        assertTrue(call.cancelled());
    }

    @Test
    void cancellingBeforeTheBodyArrivesCancelsItOnArrival() {
        UpstreamCall call = new UpstreamCall();
        call.cancel();
        Subscription body = new Subscription();
        new EventStream(new Recorder(), call).onSubscribe(body);
        assertTrue(body.cancelled);
    }
}
