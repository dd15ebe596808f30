package dev.ainfo.assistant.control;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A langchain4j HTTP client whose streaming calls hold no thread while waiting: server-sent events
 * are parsed line by line as the JDK client delivers them (langchain4j's own JDK client blocks one
 * thread per stream). Each stream is bound to the {@link UpstreamCall} current on the calling
 * thread, so the caller can cancel it at any time.
 */
public final class CallbackHttpClient implements HttpClient {

    private static final ThreadLocal<UpstreamCall> CURRENT = new ThreadLocal<>();

    private final java.net.http.HttpClient jdk;
    private final Duration readTimeout;

    public CallbackHttpClient(java.net.http.HttpClient jdk, Duration readTimeout) {
        this.jdk = jdk;
        this.readTimeout = readTimeout;
    }

    /** Runs {@code start} with {@code call} bound to the streams it opens on this thread. */
    public static void within(UpstreamCall call, Runnable start) {
        CURRENT.set(call);
        try {
            start.run();
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = jdk.send(jdkRequest(request), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                throw new HttpException(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            }
            return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).body(response.body()).build();
        } catch (IOException e) {
            throw new dev.langchain4j.exception.TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser ignored, ServerSentEventListener listener) {
        UpstreamCall call = CURRENT.get() == null ? new UpstreamCall() : CURRENT.get();
        EventStream events = new EventStream(listener, call);
        call.exchange(jdk.sendAsync(jdkRequest(request), events::bodyFor)
                .whenComplete((response, failure) -> events.exchangeEnded(failure)));
    }

    private java.net.http.HttpRequest jdkRequest(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        String body = request.body();
        builder.method(request.method().name(), body == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        return builder.build();
    }
}
