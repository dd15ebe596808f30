package dev.ainfo.assistant.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The warm-up's local endpoint, streamed by the real langchain4j client over the callback HTTP client. */
class LocalModelServerTest {

    @Test
    void everyRequestGetsTheWholeStreamOnAKeptAliveConnection() throws Exception {
        try (LocalModelServer server = new LocalModelServer(AssistantRehearsal.TOKENS, Executors.defaultThreadFactory())) {
            StreamingChatModel model = OpenAiStreamingChatModel.builder()
                    .httpClientBuilder(new FixedHttpClientBuilder(CallbackHttpClientTest.client()))
                    .baseUrl(server.baseUrl()).apiKey("warmup").modelName("gpt-4o-mini").build();
            String expected = String.join("", AssistantRehearsal.TOKENS);
            assertTrue(AssistantRehearsal.TOKENS.size() >= 40, "about as long as an answer");
            for (int i = 0; i < 3; i++) {
                CallbackHttpClientTest.Collector answer = new CallbackHttpClientTest.Collector();
                model.chat(ChatRequest.builder().messages(List.of(UserMessage.from("질문 " + i))).build(), answer);
                assertEquals(expected, answer.end.get(20, TimeUnit.SECONDS));
                assertEquals(AssistantRehearsal.TOKENS, answer.pieces);
            }
        }
    }
}
