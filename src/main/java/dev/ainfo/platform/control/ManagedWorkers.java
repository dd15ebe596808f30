package dev.ainfo.platform.control;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An executor made of at most {@code count} long-lived tasks on a {@link ManagedExecutorService}, for
 * work that comes in many small pieces: the model client's callbacks (several per streamed token),
 * each question's work, each socket's history. Payara sets up context for every task a managed
 * executor runs, and that set-up allocated about a megabyte per task in the load benchmark (a
 * configuration lookup); here it happens once per worker, and each piece then runs on a managed
 * thread for free. Workers start when work arrives and none is idle, and end after being idle for
 * {@code keepAlive}, so an idle server holds none of the executor's threads.
 */
public final class ManagedWorkers implements Executor, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ManagedWorkers.class.getName());

    private final Executor executor;
    private final int count;
    private final long keepAliveNanos;
    private final LinkedBlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger idle = new AtomicInteger();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** {@code executor} is meant to be a {@link ManagedExecutorService}; any executor works. */
    public ManagedWorkers(Executor executor, int count, Duration keepAlive) {
        this.executor = executor;
        this.count = Math.max(1, count);
        this.keepAliveNanos = keepAlive.toNanos();
    }

    @Override
    public void execute(Runnable piece) {
        if (closed) {
            throw new RejectedExecutionException("the workers have stopped");
        }
        work.add(piece);
        if (idle.get() == 0) {
            startWorker();
        }
    }

    /** The workers running now; for tests and the curious. */
    public int running() {
        return running.get();
    }

    private void startWorker() {
        int now = running.get();
        while (now < count) {
            if (running.compareAndSet(now, now + 1)) {
                try {
                    Servers.current().submitting(() -> executor.execute(this::work));
                } catch (RuntimeException e) {
                    running.decrementAndGet();
                    throw e;
                }
                return;
            }
            now = running.get();
        }
    }

    private void work() {
        threads.add(Thread.currentThread());
        try {
            serve();
        } finally {
            threads.remove(Thread.currentThread());
        }
    }

    private void serve() {
        while (!closed) {
            Runnable piece;
            idle.incrementAndGet();
            try {
                piece = work.poll(keepAliveNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                running.decrementAndGet();
                return;
            } finally {
                idle.decrementAndGet();
            }
            if (piece == null) {
                running.decrementAndGet();
                // A piece added while this worker was deciding to end saw it idle and started none.
                if (!work.isEmpty() && !closed) {
                    startWorker();
                }
                return;
            }
            try {
                piece.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a worker task failed", e);
            }
        }
        running.decrementAndGet();
    }

    /** Stops taking work and interrupts the workers: an undeployed application keeps no thread. */
    @Override
    public void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
    }
}
