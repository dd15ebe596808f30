package dev.ainfo.knowledge.control;

import dev.ainfo.knowledge.entity.Policy;
import dev.ainfo.knowledge.entity.PolicyHit;
import dev.ainfo.knowledge.entity.QuestionFacts;
import dev.ainfo.knowledge.entity.Retrieval;
import dev.langchain4j.model.embedding.EmbeddingModel;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Search over the policy corpus. The index is opened (or built, the first time) on a managed thread
 * once the application serves its first request (or readiness probe), so deployment is not held up;
 * a question that arrives before it is ready waits for it. An admin re-ingest builds the new index
 * beside the old one and swaps it in.
 */
@ApplicationScoped
public class PolicyIndex {

    private static final Logger LOG = Logger.getLogger(PolicyIndex.class.getName());
    private static final int CANDIDATES = 50;
    /** Extra candidates, so that dropping other years' registrations of a programme leaves k. */
    private static final int DUPLICATE_SLACK = 3;
    /** A record scoring under this share of the best one is not worth citing beside it. */
    static final double RELATIVE_SCORE = 0.4;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "ainfo.data-dir", defaultValue = "ainfo-data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "ainfo.knowledge.source")
    Optional<String> source;

    @Inject
    @ConfigProperty(name = "ainfo.knowledge.min-coverage", defaultValue = "0.25")
    double minCoverage;

    /** Below this (BM25 weighed by coverage) the best record matches too little of anything asked. */
    @Inject
    @ConfigProperty(name = "ainfo.knowledge.min-score", defaultValue = "9")
    double minScore;

    @Inject
    @ConfigProperty(name = "ainfo.knowledge.ready-timeout", defaultValue = "PT120S")
    Duration readyTimeout;

    /** The embedding model, built where every model is; null (unit tests) means none. */
    @Inject
    EmbeddingSource embeddings;

    @Inject
    Clock clock;

    /** The searcher in use, with its optional dense side; replaced whole on re-ingest. */
    record State(PolicySearcher searcher, DenseRetriever dense, String origin, boolean loaded, long millis) {
    }

    private volatile CompletableFuture<State> state;

    /**
     * Starts the first load, unless one has started; a failed load is retried by readiness probes and
     * questions, not by every request. Not called while the application deploys: Payara closes and
     * reopens the WAR's jars then, and a class Lucene loaded on another thread at that moment failed
     * with "zip file closed", which left the class unusable and the server never ready.
     */
    public void start() {
        if (state == null) {
            ready();
        }
    }

    private synchronized CompletableFuture<State> ready() {
        if (state == null || state.isCompletedExceptionally()) {
            state = CompletableFuture.supplyAsync(this::load, executor);
            state.whenComplete((loaded, failure) -> {
                if (failure != null) {
                    LOG.log(Level.SEVERE, "the policy index could not be built or loaded; the next readiness check retries", failure);
                }
            });
        }
        return state;
    }

    /** Re-reads the configured source (or the shipped corpus) and swaps the new index in. */
    public Map<String, Object> reindex() {
        State next = load();
        State previous = state == null ? null : state.getNow(null);
        state = CompletableFuture.completedFuture(next);
        if (previous != null && previous.searcher() != next.searcher()) {
            // Searches already running keep the old reader for a moment; then it is released.
            java.util.concurrent.Executor later = executor == null
                    ? CompletableFuture.delayedExecutor(30, TimeUnit.SECONDS)
                    : CompletableFuture.delayedExecutor(30, TimeUnit.SECONDS, executor);
            later.execute(previous.searcher()::close);
        }
        return status(next);
    }

    public Map<String, Object> status() {
        return status(current());
    }

    /**
     * True once the index is built or loaded; until then questions wait for it. Asking also starts a
     * load that never started or failed, so readiness probes retry it.
     */
    public boolean isReady() {
        CompletableFuture<State> current = state;
        if (current == null || current.isCompletedExceptionally()) {
            current = ready();
        }
        return current.isDone() && !current.isCompletedExceptionally();
    }

    private static Map<String, Object> status(State s) {
        Map<String, Object> status = new HashMap<>();
        status.put("policies", s.searcher().size());
        status.put("source", s.origin());
        status.put("index", s.loaded() ? "loaded" : "built");
        status.put("millis", s.millis());
        status.put("dense", s.dense() != null);
        return status;
    }

    private State load() {
        long start = System.nanoTime();
        // Read afresh, so a re-ingest honours a source changed in a dynamic config source.
        Optional<String> configured = configuredSource();
        String origin = configured.orElse("shipped:" + Corpus.SHIPPED);
        List<Policy> corpus = configured.map(s -> Corpus.from(Path.of(s))).orElseGet(Corpus::shipped);
        long read = (System.nanoTime() - start) / 1_000_000;
        IndexStore.Opened opened = IndexStore.open(corpus, Path.of(dataDir), clock());
        DenseRetriever dense = dense(corpus);
        long total = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> String.format("policy index %s: %d policies from %s; corpus read in %d ms, index %s in %d ms, %d ms in all%s",
                opened.loaded() ? "loaded" : "built", corpus.size(), origin, read,
                opened.loaded() ? "opened" : "built", opened.millis(), total, dense == null ? "" : ", dense retrieval on"));
        return new State(opened.searcher(), dense, origin, opened.loaded(), total);
    }

    private Optional<String> configuredSource() {
        Optional<String> now;
        try {
            now = ConfigProvider.getConfig().getOptionalValue("ainfo.knowledge.source", String.class);
        } catch (IllegalStateException noConfigRuntime) {
            now = Optional.empty();
        }
        return now.or(() -> source).filter(s -> !s.isBlank());
    }

    private DenseRetriever dense(List<Policy> corpus) {
        EmbeddingModel model = embeddings == null ? null : embeddings.embeddings().orElse(null);
        if (model == null) {
            return null;
        }
        Path cache = Path.of(dataDir, "knowledge-embeddings", IndexStore.fingerprint(corpus) + "-"
                + embeddings.embeddingModelName().replaceAll("[^A-Za-z0-9._-]", "_") + ".bin");
        return new DenseRetriever(model, corpus, cache);
    }

    private State current() {
        try {
            return ready().get(readyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the policy index loads", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the policy index is not available", e);
        }
    }

    public List<PolicyHit> search(String query, int k) {
        State s = current();
        return hits(s, query, s.searcher().analyse(query), k);
    }

    /** Retrieval for a question on its own, with the system's clock: see {@link #retrieve(String, QuestionFacts, int)}. */
    public Retrieval retrieve(String query, int k) {
        return retrieve(query, null, k);
    }

    /**
     * Retrieval for the assistant: the hits worth answering from, and whether even the best one is too
     * weak. {@code known} supplies the asker's region, age and status where the query leaves them out.
     * Each programme appears once (its current registration), judged against today; records far below
     * the best one (in score or in coverage) are left out, so they are not cited.
     */
    public Retrieval retrieve(String query, QuestionFacts known, int k) {
        State s = current();
        AnalysedQuestion question = s.searcher().analyse(query, known);
        LocalDate today = LocalDate.now(clock());
        List<PolicyHit> found = s.searcher().registrations().current(hits(s, query, question, k + DUPLICATE_SLACK),
                today.format(DateTimeFormatter.BASIC_ISO_DATE));
        List<PolicyHit> hits = new ArrayList<>();
        for (PolicyHit hit : found) {
            hits.add(hit.judged(Schedule.judge(hit.policy(), today)));
        }
        PolicyHit best = deciding(hits, minCoverage).orElse(null);
        // Fused dense scores are ranks, not matches: with dense retrieval only the coverage decides.
        boolean abstain = s.dense() == null ? abstains(hits, minCoverage, minScore) : best == null;
        hits = best == null ? List.of() : hits.stream()
                .filter(h -> h.coverage() >= minCoverage && h.score() >= RELATIVE_SCORE * best.score()).limit(k).toList();
        return new Retrieval(query, question.facts(), hits, abstain);
    }

    /** The application's clock (tests fix it); the system's where none is set. */
    private Clock clock() {
        return clock == null ? Clock.systemDefaultZone() : clock;
    }

    /**
     * The record an answer would rest on: the best-ranked one covering enough of the question. A record
     * ranked higher that covers too little is never cited, so it does not decide either.
     */
    static Optional<PolicyHit> deciding(List<PolicyHit> ranked, double minCoverage) {
        return ranked.stream().filter(h -> h.coverage() >= minCoverage).findFirst();
    }

    /**
     * Whether to decline, on two signals measured on the evaluation's dev half (docs/evaluation.md): how
     * much of the question the deciding record covers, and how strongly it matches.
     */
    static boolean abstains(List<PolicyHit> ranked, double minCoverage, double minScore) {
        return deciding(ranked, minCoverage).map(h -> h.score() < minScore).orElse(true);
    }

    /** What a question says about the asker and the answer wanted (region, age, status, aspects). */
    public QuestionFacts read(String question) {
        return current().searcher().questions().read(question);
    }

    /** The words of a question that name what it is about; none for "그럼 신청은 어떻게 해요?". */
    public List<String> topicTerms(String question) {
        return current().searcher().topicTerms(question);
    }

    public Optional<Policy> find(String id) {
        return Optional.ofNullable(current().searcher().policy(id));
    }

    private static List<PolicyHit> hits(State s, String query, AnalysedQuestion question, int k) {
        if (s.dense() == null) {
            return s.searcher().search(question, k, PolicySearcher.Tuning.DEFAULT);
        }
        List<PolicyHit> lexical = s.searcher().search(question, CANDIDATES, PolicySearcher.Tuning.DEFAULT);
        List<String> dense = s.dense().search(query, CANDIDATES).stream()
                .filter(id -> PolicySearcher.admits(s.searcher().policy(id), question.facts(), PolicySearcher.Tuning.DEFAULT))
                .toList();
        Map<String, PolicyHit> byId = new HashMap<>();
        lexical.forEach(h -> byId.put(h.policy().id(), h));
        Map<String, Double> fused = Fusion.rrf(List.of(lexical.stream().map(h -> h.policy().id()).toList(), dense));
        List<PolicyHit> hits = new ArrayList<>();
        for (Map.Entry<String, Double> e : fused.entrySet()) {
            if (hits.size() == k) {
                break;
            }
            PolicyHit hit = byId.containsKey(e.getKey()) ? byId.get(e.getKey()) : s.searcher().describe(e.getKey(), question);
            if (hit != null) {
                hits.add(new PolicyHit(hit.policy(), e.getValue(), hit.coverage(), hit.snippet()));
            }
        }
        return hits;
    }

    @PreDestroy
    void close() {
        CompletableFuture<State> s = state;
        if (s != null && s.isDone() && !s.isCompletedExceptionally()) {
            s.join().searcher().close();
        }
    }
}
