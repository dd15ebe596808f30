package dev.ainfo.platform.payara;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class IdleTimerBypassTest {

    /** Shaped like Tyrus' session: the scheduler in a private field named service. */
    static class TyrusLikeSession {
        private ScheduledExecutorService service = Executors.newSingleThreadScheduledExecutor();

        ScheduledFuture<?> restartIdleTimer(Runnable command) {
            return service.schedule(command, 0, TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void aBypassedSessionSchedulesNothing() throws Exception {
        TyrusLikeSession session = new TyrusLikeSession();
        ScheduledExecutorService original = session.service;
        try {
            assertTrue(IdleTimerBypass.apply(session));
            assertSame(IdleTimerBypass.NO_TIMER, session.service);
            AtomicBoolean ran = new AtomicBoolean();
            ScheduledFuture<?> future = session.restartIdleTimer(() -> ran.set(true));
            assertTrue(future.isCancelled());
            assertThrows(CancellationException.class, future::get);
            original.schedule(() -> { }, 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
            assertFalse(ran.get(), "the idle command never runs");
        } finally {
            original.shutdownNow();
        }
    }
}
