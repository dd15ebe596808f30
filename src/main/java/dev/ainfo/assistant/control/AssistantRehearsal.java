package dev.ainfo.assistant.control;

import dev.ainfo.assistant.entity.PreparedAnswer;
import dev.ainfo.knowledge.control.PolicyIndex;
import dev.ainfo.memory.entity.ConversationTopic;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.langchain4j.model.chat.StreamingChatModel;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The assistant's side of an answer, rehearsed by the warm-up: the question made to stand alone,
 * retrieval, prompt assembly and, with a model configured, the answer streamed through the same
 * model client from a local endpoint ({@link LocalModelServer}), never from the real model.
 */
@ApplicationScoped
public class AssistantRehearsal {

    /** What the local endpoint streams: about 50 pieces, like a short answer. */
    public static final List<String> TOKENS = pieces("청년 월세 지원은 만 19세부터 34세까지의 무주택 청년에게 월 최대 20만 원을 "
            + "12개월 동안 지원합니다. 신청은 복지로 누리집이나 주민센터에서 할 수 있고, 소득과 재산 기준을 확인하세요. "
            + "Young people aged 19 to 34 who rent can get up to 200,000 won a month for a year; apply online or at "
            + "the community centre with the lease and proof of income.");

    /** An answer rehearsed: what was prepared, and the pieces that streamed. */
    public record Rehearsed(PreparedAnswer prepared, List<String> pieces) {
    }

    @Inject
    PolicyAssistant assistant;

    @Inject
    PolicyIndex index;

    @Inject
    ChatModels models;

    @Resource
    ManagedThreadFactory threads;

    private LocalModelServer server;
    private StreamingChatModel local;

    /** Opens the local endpoint when a model is configured (offline, the answer is composed here). */
    public synchronized void open() throws IOException {
        if (server == null && models.streaming().isPresent()) {
            server = new LocalModelServer(TOKENS, threads);
            local = models.openAiAt(server.baseUrl(), "warmup");
        }
    }

    public synchronized void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
            server = null;
            local = null;
        }
    }

    /** One answer, as a question on the socket would have it, waiting at most {@code timeout} for the stream. */
    public Rehearsed rehearse(String question, MemorySnapshot memory, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        FollowUps.Resolved resolved = new FollowUps(index).resolve(question, ConversationTopic.NONE, memory, null);
        PreparedAnswer prepared = assistant.prepared(question, resolved.query(), resolved.facts(), memory);
        StreamingChatModel model;
        synchronized (this) {
            model = local;
        }
        if (model == null) {
            return new Rehearsed(prepared, OfflineAnswerer.pieces(OfflineComposer.compose(question, prepared.facts(), prepared.hits())));
        }
        List<String> pieces = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        AnswerHandle handle = models.stream(model, prepared.prompt(), new AnswerListener() {
            @Override
            public void onDelta(String text) {
                synchronized (pieces) {
                    pieces.add(text);
                }
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            handle.cancel();
        }
        synchronized (pieces) {
            return new Rehearsed(prepared, List.copyOf(pieces));
        }
    }

    private static List<String> pieces(String text) {
        return Arrays.stream(text.split("(?<= )")).toList();
    }
}
