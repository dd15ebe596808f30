package dev.ainfo.chat.control;

import dev.ainfo.platform.control.AppMetrics;
import dev.ainfo.platform.control.ManagedWorkers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The chat's threads: a few long-lived workers on the managed executor for questions and history
 * loads, and a separate small pool for memory updates, at most one queued per conversation.
 */
@ApplicationScoped
public class ChatWorkers {

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "ainfo.memory.update-threads", defaultValue = "16")
    int memoryUpdateThreads;

    @Inject
    @ConfigProperty(name = "ainfo.chat.workers", defaultValue = "12")
    int workerCount;

    /** Questions and history loads: rate check, memory, retrieval, inserts; short, but they block on I/O. */
    private ManagedWorkers workers;

    /**
     * Memory updates may block on a model-written summary or on another writer's lock; on their own
     * few managed threads they never hold up the shared executor that streams answers.
     */
    private ExecutorService memoryUpdates;
    private CoalescingQueue queuedUpdates;

    @PostConstruct
    void start() {
        memoryUpdates = Executors.newFixedThreadPool(Math.max(1, memoryUpdateThreads), threads);
        queuedUpdates = new CoalescingQueue(memoryUpdates);
        workers = new ManagedWorkers(executor, workerCount, Duration.ofMinutes(1));
        AppMetrics.workers("chat", workers);
        AppMetrics.memoryUpdates((ThreadPoolExecutor) memoryUpdates);
    }

    /**
     * Runs work off the caller's thread, through a few long-lived workers: a task per question cost
     * Payara a context set-up each. Endpoints use this rather than injecting the executor: a
     * {@code @Resource} per socket instance cost a JNDI lookup under a class loader lock.
     */
    public void later(Runnable work) {
        workers.execute(work);
    }

    /**
     * Queues a conversation's memory update unless one is still waiting: an update stores every turn
     * pending for its conversation, so a waiting one does the work of both.
     */
    void updateMemory(String conversation, boolean coalesce, Runnable update) {
        queuedUpdates.submit(conversation, coalesce, update);
    }

    /** On shutdown: memory updates already queued get a moment to finish (their turns wait in Redis anyway). */
    void drain(Duration wait) {
        memoryUpdates.shutdown();
        try {
            memoryUpdates.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        memoryUpdates.shutdownNow();
        workers.close();
    }
}
