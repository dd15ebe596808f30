package dev.ainfo.assistant.control;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured language model. The HTTP client runs its callbacks on the container's managed
 * executor, so streamed tokens are relayed by managed threads without one blocked thread per answer.
 */
@ApplicationScoped
public class ChatModels {

    private static final Logger LOG = Logger.getLogger(ChatModels.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "ainfo.llm.provider", defaultValue = "offline")
    String provider;

    @Inject
    @ConfigProperty(name = "ainfo.llm.base-url", defaultValue = "https://api.openai.com/v1")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "ainfo.llm.api-key")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "ainfo.llm.model", defaultValue = "gpt-4o-mini")
    String modelName;

    @Inject
    @ConfigProperty(name = "ainfo.llm.temperature", defaultValue = "0.2")
    double temperature;

    @Inject
    @ConfigProperty(name = "ainfo.llm.connect-timeout", defaultValue = "PT5S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "ainfo.llm.request-timeout", defaultValue = "PT120S")
    Duration requestTimeout;

    private StreamingChatModel streaming;
    private ChatModel blocking;

    @PostConstruct
    void init() {
        switch (provider.strip().toLowerCase()) {
            case "offline" -> streaming = null;
            case "openai" -> {
                streaming = openAi();
                blocking = openAiBlocking();
            }
            default -> throw new IllegalStateException("ainfo.llm.provider must be offline or openai, not " + provider);
        }
        LOG.info(() -> "language model: " + (streaming == null ? "offline" : provider + " " + modelName + " at " + baseUrl));
    }

    public Optional<StreamingChatModel> streaming() {
        return Optional.ofNullable(streaming);
    }

    /** The same model for one-shot calls such as summaries and query rewriting; empty offline. */
    public Optional<ChatModel> blocking() {
        return Optional.ofNullable(blocking);
    }

    public String modelName() {
        return streaming == null ? "offline" : modelName;
    }

    private HttpClient.Builder http() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .executor(executor);
    }

    private ChatModel openAiBlocking() {
        return OpenAiChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder().httpClientBuilder(http()))
                .baseUrl(baseUrl)
                .apiKey(apiKey.filter(k -> !k.isBlank()).orElse("none"))
                .modelName(modelName)
                .temperature(temperature)
                .timeout(requestTimeout)
                .maxRetries(2)
                .build();
    }

    private StreamingChatModel openAi() {
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder().httpClientBuilder(http()))
                .baseUrl(baseUrl)
                .apiKey(apiKey.filter(k -> !k.isBlank()).orElse("none"))
                .modelName(modelName)
                .temperature(temperature)
                .timeout(requestTimeout)
                .build();
    }
}
