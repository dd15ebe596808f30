package dev.ainfo.chat.control;

import dev.ainfo.assistant.control.AssistantRehearsal;
import dev.ainfo.auth.control.TokenRehearsal;
import dev.ainfo.chat.entity.Frame;
import dev.ainfo.memory.control.TokenCounter;
import dev.ainfo.memory.entity.MemoryMessage;
import dev.ainfo.memory.entity.MemorySnapshot;
import dev.ainfo.rooms.control.StorageRehearsal;
import dev.ainfo.rooms.entity.ChatLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ready means warm: before readiness reports UP, the instance rehearses answers on its own hot paths
 * (the question frame, retrieval, prompt assembly, the model client's event parsing, chunk and done
 * frames, the chat-log inserts and history page, token counting, a handshake's token check), so the JIT has compiled them before
 * a load balancer sends users. {@code ainfo.warmup.answers} rehearsals, then (with
 * {@code ainfo.warmup.until-jit-quiet}) one thread goes on until the JIT is quiet, all within
 * {@code ainfo.warmup.max-duration}; started by the first readiness probe that finds the policy index ready.
 * Leaves nothing: the model is a local endpoint, storage is rolled back, and the only Redis key, a
 * room claim for a room no user has, is deleted as soon as it is made.
 */
@ApplicationScoped
public class Warmup {

    private static final Logger LOG = Logger.getLogger(Warmup.class.getName());

    /** Questions like the users' (Korean and English, needs, amounts, follow-ups). */
    static final List<String> QUESTIONS = List.of(
            "서울 사는 27살인데 월세 지원 받을 수 있어?", "청년 취업 지원금은 얼마나 받을 수 있나요?",
            "창업 지원 프로그램 신청 방법 알려줘", "대학생 학자금 대출 이자 지원 있어?",
            "부산에서 받을 수 있는 청년 주거 정책", "그거 신청할 때 필요한 서류는 뭐야?",
            "Can a 25-year-old in Seoul get help with rent?", "What documents do I need to apply for the job programme?",
            "경기도 청년 면접 수당 조건이 뭐야?", "청년도약계좌 가입 자격 알려줘", "그럼 소득 기준은?",
            "How much is the youth start-up grant?");

    @Resource
    ManagedExecutorService executor;

    @Inject
    AssistantRehearsal assistant;

    @Inject
    StorageRehearsal storage;

    @Inject
    RoomClaims claims;

    @Inject
    @ConfigProperty(name = "ainfo.warmup.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "ainfo.warmup.answers", defaultValue = "1000")
    int answers;

    @Inject
    @ConfigProperty(name = "ainfo.warmup.max-duration", defaultValue = "PT45S")
    Duration maxDuration;

    @Inject
    @ConfigProperty(name = "ainfo.warmup.threads", defaultValue = "2")
    int threads;

    @Inject
    @ConfigProperty(name = "ainfo.warmup.until-jit-quiet", defaultValue = "true")
    boolean untilJitQuiet;

    @Inject
    @ConfigProperty(name = "ainfo.chat.history-limit", defaultValue = "50")
    int historyLimit;

    @Inject
    @ConfigProperty(name = "ainfo.llm.model", defaultValue = "gpt-4o-mini")
    String modelName;

    /** Below this share of compiling per look, the JIT has caught up with what the rehearsals made hot. */
    static final double JIT_QUIET = 0.1;
    /** Rehearsals between two looks at the JIT: long enough that a long C2 compilation shows. */
    static final Duration JIT_LOOK = Duration.ofMillis(500);

    private final AtomicReference<CompletableFuture<Map<String, Object>>> run = new AtomicReference<>();

    /** Starts the warm-up once (later calls do nothing); disabled, it is done at once. */
    public void start() {
        if (run.get() == null) {
            CompletableFuture<Map<String, Object>> started = new CompletableFuture<>();
            if (run.compareAndSet(null, started)) {
                if (!enabled) {
                    started.complete(Map.of("warmup", "disabled"));
                } else {
                    executor.execute(() -> started.complete(warm()));
                }
            }
        }
    }

    /** True once the warm-up has ended (or is disabled). */
    public boolean isDone() {
        CompletableFuture<Map<String, Object>> current = run.get();
        return current != null && current.isDone();
    }

    /** What the warm-up did, once done: answers rehearsed, failures, milliseconds. */
    public Map<String, Object> status() {
        CompletableFuture<Map<String, Object>> current = run.get();
        return current == null || !current.isDone() ? Map.of("warmup", "running") : current.join();
    }

    private Map<String, Object> warm() {
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger claimed = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        boolean jitQuiet = false;
        long settleMillis = 0;
        try {
            assistant.open(); // the index is ready: readiness starts the warm-up only then
            long deadline = System.nanoTime() + maxDuration.toNanos();
            TokenCounter tokens = TokenCounter.forModel(modelName);
            TokenRehearsal handshake = TokenRehearsal.create(maxDuration.plusMinutes(1));
            // A room no user has (ids are positive): its claim key lives only between the two calls.
            long room = -1 - ThreadLocalRandom.current().nextLong(Long.MAX_VALUE - 1);
            AtomicBoolean redisAnswers = new AtomicBoolean(true);
            IntConsumer step = i -> {
                try {
                    handshake.verifyOnce();
                    if (redisAnswers.get()) {
                        redisAnswers.set(claimAndRelease(room));
                        if (redisAnswers.get()) {
                            claimed.incrementAndGet();
                        }
                    }
                    rehearse(i, tokens, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                    done.incrementAndGet();
                } catch (Exception | LinkageError e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, e);
                }
            };
            Runnable worker = () -> {
                int i;
                while ((i = next.getAndIncrement()) < answers && System.nanoTime() < deadline) {
                    step.accept(i);
                }
            };
            List<CompletableFuture<Void>> others = new ArrayList<>();
            for (int t = 1; t < Math.max(1, threads); t++) {
                others.add(CompletableFuture.runAsync(worker, executor));
            }
            worker.run();
            others.forEach(CompletableFuture::join);
            if (untilJitQuiet && System.nanoTime() < deadline) {
                long settle = System.nanoTime();
                jitQuiet = untilJitQuiet(step, next, deadline);
                settleMillis = (System.nanoTime() - settle) / 1_000_000;
            }
        } catch (Exception | LinkageError e) {
            firstFailure.compareAndSet(null, e);
        } finally {
            assistant.close();
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("warmup", "done");
        status.put("answers", done.get());
        status.put("failed", failed.get());
        status.put("claims", claimed.get());
        if (untilJitQuiet) {
            status.put("jitQuiet", jitQuiet);
            status.put("jitSettleMillis", settleMillis);
        }
        status.put("millis", (System.nanoTime() - start) / 1_000_000);
        if (firstFailure.get() != null) {
            LOG.log(Level.WARNING, "warm-up: " + failed.get() + " of " + (done.get() + failed.get())
                    + " rehearsals failed, or it could not start; the first failure", firstFailure.get());
        }
        LOG.info(() -> "warm-up: " + status);
        return status;
    }

    /**
     * Goes on rehearsing on one thread until the JIT is quiet or the deadline passes; true if quiet.
     * Methods the rehearsals made hot were still queued for C2 as a benchmark phase began (868-1,071),
     * and the tiered policy drops a queued method that stops being called: so keep calling them.
     */
    private static boolean untilJitQuiet(IntConsumer step, AtomicInteger next, long deadline) {
        JitActivity jit = JitActivity.ofThisJvm();
        double busy;
        do {
            long look = Math.min(deadline, System.nanoTime() + JIT_LOOK.toNanos());
            while (System.nanoTime() < look) {
                step.accept(next.getAndIncrement());
            }
            busy = jit.sinceLastLook();
        } while (busy > JIT_QUIET && System.nanoTime() < deadline);
        return busy <= JIT_QUIET;
    }

    /**
     * A question's Redis round trips for its room, through Redisson's client: claimed, then freed.
     * False when Redis did not answer, so a warm-up without Redis stops trying (each try would wait
     * for the timeout and log).
     */
    private boolean claimAndRelease(long room) {
        Optional<RoomClaims.Claim> claim = claims.claim(room);
        claim.ifPresent(claims::release);
        return claim.map(c -> c.permit() != null).orElse(true);
    }

    /** One answer end to end, without a socket, a model or a stored row. */
    private void rehearse(int i, TokenCounter tokens, Duration timeout) throws Exception {
        String question = QUESTIONS.get(i % QUESTIONS.size());
        FrameCodec.decode("{\"type\":\"message\",\"message\":\"" + question + "\"}");
        MemorySnapshot memory = i % 2 == 0 ? MemorySnapshot.EMPTY : new MemorySnapshot("", List.of(
                new MemoryMessage("user", QUESTIONS.get((i + 1) % QUESTIONS.size())),
                new MemoryMessage("bot", String.join("", AssistantRehearsal.TOKENS))));
        AssistantRehearsal.Rehearsed answer = assistant.rehearse(question, memory, timeout);
        StringBuilder text = new StringBuilder();
        for (String piece : answer.pieces()) {
            text.append(piece);
            FrameCodec.encode(new Frame.Chunk(piece));
        }
        List<ChatLog> page = storage.rehearse(question, text.toString(), answer.prepared().sources(), historyLimit);
        long answerId = page.isEmpty() ? 0L : page.get(page.size() - 1).getId();
        FrameCodec.encode(new Frame.Done(text.toString(), answerId, "complete",
                answer.prepared().sources()));
        FrameCodec.encode(new Frame.History(page.stream().map(Conversation::historyMessage).toList()));
        tokens.count(question);
        tokens.count(text.toString());
    }
}
