package dev.ainfo.platform.control;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An executor made of a few long-lived tasks on a {@link ManagedExecutorService}, for work that
 * comes in many tiny pieces, such as the model client's callbacks (several per streamed token).
 * Payara captures context, with a class-path scan, for every task submitted to a managed executor;
 * here it does so once per worker, and each piece then runs on a managed thread for free.
 */
public final class ManagedWorkers implements Executor, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ManagedWorkers.class.getName());

    private final LinkedBlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    private final List<Future<?>> workers = new ArrayList<>();
    private volatile boolean closed;

    public ManagedWorkers(ManagedExecutorService executor, int count) {
        for (int i = 0; i < Math.max(1, count); i++) {
            workers.add(executor.submit(this::work));
        }
    }

    @Override
    public void execute(Runnable piece) {
        if (closed) {
            throw new RejectedExecutionException("the workers have stopped");
        }
        work.add(piece);
    }

    private void work() {
        while (true) {
            Runnable piece;
            try {
                piece = work.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                piece.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a worker task failed", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        workers.forEach(w -> w.cancel(true));
    }
}
