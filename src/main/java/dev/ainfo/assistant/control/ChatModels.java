package dev.ainfo.assistant.control;

import dev.ainfo.knowledge.control.EmbeddingSource;
import dev.ainfo.memory.control.SummaryModel;
import dev.ainfo.platform.control.AppMetrics;
import dev.ainfo.platform.control.Heartbeat;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.ainfo.platform.control.ManagedWorkers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place models are built: the configured language model (streaming and one-shot) and the
 * optional embedding model. Knowledge and memory receive theirs through their own interfaces
 * ({@link EmbeddingSource}, {@link SummaryModel}), so neither depends on the assistant. The HTTP client runs its callbacks on a few long-lived tasks of the
 * container's managed executor, so streamed tokens are relayed by managed threads without one
 * blocked thread per answer, and without a context capture per token.
 */
@ApplicationScoped
public class ChatModels implements EmbeddingSource, SummaryModel {

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

    @Inject
    @ConfigProperty(name = "ainfo.llm.first-token-timeout", defaultValue = "PT20S")
    Duration firstTokenTimeout;

    @Inject
    @ConfigProperty(name = "ainfo.llm.idle-timeout", defaultValue = "PT20S")
    Duration idleTimeout;

    @Inject
    @ConfigProperty(name = "ainfo.llm.max-retries", defaultValue = "2")
    int maxRetries;

    @Inject
    @ConfigProperty(name = "ainfo.llm.retry-backoff", defaultValue = "PT0.5S")
    Duration retryBackoff;

    @Inject
    @ConfigProperty(name = "ainfo.llm.max-retry-after", defaultValue = "PT10S")
    Duration maxRetryAfter;

    @Inject
    @ConfigProperty(name = "ainfo.llm.callback-threads", defaultValue = "4")
    int callbackThreads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "ainfo.embedding.provider", defaultValue = "none")
    String embeddingProvider;

    @Inject
    @ConfigProperty(name = "ainfo.embedding.base-url", defaultValue = "http://127.0.0.1:11434/v1")
    String embeddingBaseUrl;

    @Inject
    @ConfigProperty(name = "ainfo.embedding.api-key")
    Optional<String> embeddingApiKey;

    @Inject
    @ConfigProperty(name = "ainfo.embedding.model", defaultValue = "nomic-embed-text")
    String embeddingModel;

    @Inject
    Heartbeat heartbeat;

    private StreamingChatModel streaming;
    private EmbeddingModel embeddings;
    private ChatModel blocking;
    private ManagedWorkers callbacks;

    @PostConstruct
    void init() {
        switch (provider.strip().toLowerCase()) {
            case "offline" -> streaming = null;
            case "openai" -> {
                callbacks = new ManagedWorkers(executor, callbackThreads, Duration.ofMinutes(1));
                AppMetrics.workers("model_callbacks", callbacks);
                streaming = openAi();
                blocking = openAiBlocking();
            }
            default -> throw new IllegalStateException("ainfo.llm.provider must be offline or openai, not " + provider);
        }
        embeddings = buildEmbeddings();
        LOG.info(() -> "language model: " + (streaming == null ? "offline" : provider + " " + modelName + " at " + baseUrl));
    }

    @PreDestroy
    void close() {
        if (callbacks != null) {
            callbacks.close();
        }
    }

    public Optional<StreamingChatModel> streaming() {
        return Optional.ofNullable(streaming);
    }

    /** The same model for one-shot calls such as summaries; empty offline. */
    @Override
    public Optional<ChatModel> blocking() {
        return Optional.ofNullable(blocking);
    }

    @Override
    public String modelName() {
        return streaming == null ? "offline" : modelName;
    }

    /**
     * Streams deliver their events on the managed workers. One-shot calls block their caller, which
     * is itself a managed thread, so their client keeps the JDK's own executor: a blocked caller
     * must never wait for a thread of its own pool.
     */
    private CallbackHttpClient http(Duration readTimeout, boolean streams) {
        HttpClient.Builder jdk = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout);
        if (streams) {
            jdk.executor(callbacks);
        }
        return new CallbackHttpClient(jdk.build(), readTimeout);
    }

    /** Streams the model's answer to a prompt; the returned handle cancels it upstream too. */
    public AnswerHandle stream(List<ChatMessage> prompt, AnswerListener listener) {
        return stream(ChatRequest.builder().messages(prompt).build(), listener);
    }

    /** Streams a short reply, at most that many tokens, such as a rewritten query. */
    public AnswerHandle stream(List<ChatMessage> prompt, int maxTokens, AnswerListener listener) {
        return stream(ChatRequest.builder().messages(prompt).maxOutputTokens(maxTokens).build(), listener);
    }

    private AnswerHandle stream(ChatRequest request, AnswerListener listener) {
        return stream(streaming().orElseThrow(() -> new IllegalStateException("no model is configured")), request, listener);
    }

    /** Streams from another OpenAI-compatible endpoint with the same client and rails: the warm-up's local one. */
    AnswerHandle stream(StreamingChatModel model, List<ChatMessage> prompt, AnswerListener listener) {
        return stream(model, ChatRequest.builder().messages(prompt).build(), listener);
    }

    private AnswerHandle stream(StreamingChatModel model, ChatRequest request, AnswerListener listener) {
        ModelStream[] self = new ModelStream[1];
        self[0] = new ModelStream(model, request, listener,
                new ModelStream.Limits(firstTokenTimeout, idleTimeout, maxRetries, retryBackoff, maxRetryAfter),
                scheduler, () -> heartbeat.forget(self[0]));
        heartbeat.watch(self[0]);
        self[0].start();
        return self[0];
    }

    @Override
    public Optional<EmbeddingModel> embeddings() {
        return Optional.ofNullable(embeddings);
    }

    @Override
    public String embeddingModelName() {
        return embeddingModel;
    }

    private EmbeddingModel buildEmbeddings() {
        String kind = embeddingProvider.strip().toLowerCase();
        if (kind.equals("none") || kind.isEmpty()) {
            return null;
        }
        if (!kind.equals("openai")) {
            throw new IllegalStateException("ainfo.embedding.provider must be none or openai, not " + embeddingProvider);
        }
        return OpenAiEmbeddingModel.builder()
                .baseUrl(embeddingBaseUrl)
                .apiKey(embeddingApiKey.filter(k -> !k.isBlank()).orElse("none"))
                .modelName(embeddingModel)
                .timeout(Duration.ofSeconds(60))
                .build();
    }

    private ChatModel openAiBlocking() {
        return OpenAiChatModel.builder()
                .httpClientBuilder(new FixedHttpClientBuilder(http(requestTimeout, false)))
                .baseUrl(baseUrl)
                .apiKey(apiKey.filter(k -> !k.isBlank()).orElse("none"))
                .modelName(modelName)
                .temperature(temperature)
                .timeout(requestTimeout)
                .maxRetries(2)
                .build();
    }

    private StreamingChatModel openAi() {
        return openAiAt(baseUrl, apiKey.filter(k -> !k.isBlank()).orElse("none"));
    }

    /** The configured model's client, built the same way, for another endpoint. */
    StreamingChatModel openAiAt(String url, String key) {
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(new FixedHttpClientBuilder(http(null, true)))
                .baseUrl(url)
                .apiKey(key)
                .modelName(modelName)
                .temperature(temperature)
                .timeout(requestTimeout)
                .build();
    }
}
