package dev.ainfo.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ManagedWorkersTest {

    private final AtomicInteger submitted = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    private ManagedWorkers workers(int count, Duration keepAlive) {
        return new ManagedWorkers(task -> {
            submitted.incrementAndGet();
            pool.execute(task);
        }, count, keepAlive);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void manyPiecesRunOnAtMostCountTasksOfTheExecutor() throws Exception {
        ManagedWorkers workers = workers(3, Duration.ofMinutes(1));
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(200);
        for (int i = 0; i < 200; i++) {
            workers.execute(() -> {
                most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                atOnce.decrementAndGet();
                done.countDown();
            });
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
        assertTrue(submitted.get() <= 3, "one executor task per worker, not per piece: " + submitted.get());
        workers.close();
    }

    @Test
    void anIdleWorkerEndsAndWorkStartsOneAgain() throws Exception {
        ManagedWorkers workers = workers(2, Duration.ofMillis(100));
        runOne(workers);
        await(() -> workers.running() == 0, "the idle worker ended");

        runOne(workers);
        assertEquals(2, submitted.get(), "a new worker took the second piece");
        workers.close();
    }

    @Test
    void closingInterruptsIdleWorkersAtOnce() throws Exception {
        ManagedWorkers workers = workers(2, Duration.ofHours(1));
        runOne(workers);
        assertEquals(1, workers.running());

        workers.close();

        await(() -> workers.running() == 0, "the worker ended long before its keep-alive");
    }

    private static void runOne(ManagedWorkers workers) throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        workers.execute(ran::countDown);
        assertTrue(ran.await(10, TimeUnit.SECONDS), "the piece ran");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(10);
        }
    }
}
