package dev.ainfo.assistant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.testing.FakeOpenAi;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The real langchain4j OpenAI client over the non-blocking HTTP client, against a local server. */
class CallbackHttpClientTest {

    static final FakeOpenAi MODEL = FakeOpenAi.start();

    @AfterAll
    static void stop() {
        MODEL.close();
    }

    static CallbackHttpClient client() {
        return new CallbackHttpClient(HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build(), Duration.ofSeconds(10));
    }

    static StreamingChatModel streaming() {
        return OpenAiStreamingChatModel.builder().httpClientBuilder(new FixedHttpClientBuilder(client()))
                .baseUrl(MODEL.baseUrl()).apiKey("none").modelName("gpt-4o-mini").build();
    }

    static final class Collector implements StreamingChatResponseHandler {
        final List<String> pieces = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> end = new CompletableFuture<>();

        @Override
        public void onPartialResponse(String text) {
            pieces.add(text);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            end.complete(response.aiMessage().text());
        }

        @Override
        public void onError(Throwable error) {
            end.completeExceptionally(error);
        }
    }

    @Test
    void streamsTokensInOrder() throws Exception {
        MODEL.reset();
        MODEL.answering(q -> List.of("안녕", "하세요", " " + q));
        Collector collector = new Collector();
        streaming().chat(ChatRequest.builder().messages(UserMessage.from("질문")).build(), collector);
        assertEquals("안녕하세요 질문", collector.end.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("안녕", "하세요", " 질문"), collector.pieces);
    }

    @Test
    void cancellingMidStreamClosesTheConnection() throws Exception {
        MODEL.reset();
        MODEL.tokenInterval(Duration.ofMillis(50));
        Collector collector = new Collector();
        UpstreamCall call = new UpstreamCall();
        CallbackHttpClient.within(call, () -> streaming().chat(ChatRequest.builder().messages(UserMessage.from("q")).build(), collector));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (collector.pieces.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        call.cancel();
        while (MODEL.clientDisconnects() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, MODEL.clientDisconnects());
        assertTrue(collector.pieces.size() < 30);
    }

    @Test
    void anAnswerThatEndedLeavesItsConnectionForTheNext() throws Exception {
        MODEL.reset();
        MODEL.tokenInterval(Duration.ZERO);
        StreamingChatModel model = streaming();
        for (int i = 0; i < 3; i++) {
            Collector collector = new Collector();
            UpstreamCall call = new UpstreamCall();
            CallbackHttpClient.within(call, () -> model.chat(ChatRequest.builder().messages(UserMessage.from("q")).build(), collector));
            collector.end.get(10, TimeUnit.SECONDS);
            call.cancel(); // as ModelStream ends every answer, finished or not
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!call.exchangeOver() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }
        assertEquals(1, MODEL.clientPorts().stream().distinct().count(), "ports " + MODEL.clientPorts());
        assertEquals(0, MODEL.clientDisconnects());
    }

    @Test
    void oneShotCallsWorkToo() {
        MODEL.reset();
        MODEL.answering(q -> List.of("요약: ", q));
        OpenAiChatModel model = OpenAiChatModel.builder().httpClientBuilder(new FixedHttpClientBuilder(client()))
                .baseUrl(MODEL.baseUrl()).apiKey("none").modelName("gpt-4o-mini").build();
        assertEquals("요약: 대화", model.chat("대화"));
    }
}
