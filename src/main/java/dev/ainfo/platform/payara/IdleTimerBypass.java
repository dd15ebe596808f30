package dev.ainfo.platform.payara;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Takes Tyrus' idle timer off a session; the chat heartbeat enforces the idle timeout instead.
 *
 * <p>Tyrus cancels and re-schedules its idle task on the container's managed scheduled executor for
 * every frame sent or received, whatever the timeout: a context capture per frame (the largest cost
 * per frame left in the load benchmark), and, with a timeout set, a cancelled task that stays queued
 * until its time. Tyrus offers no switch, so the session's private scheduler field is replaced by one
 * that schedules nothing. Elsewhere (another Tyrus, another container) nothing changes.
 */
final class IdleTimerBypass {

    private static final Logger LOG = Logger.getLogger(IdleTimerBypass.class.getName());
    private static final String FIELD = "service";
    static final ScheduledExecutorService NO_TIMER = (ScheduledExecutorService) Proxy.newProxyInstance(
            IdleTimerBypass.class.getClassLoader(), new Class<?>[] {ScheduledExecutorService.class},
            (proxy, method, args) -> unscheduled(proxy, method, args));

    private static volatile boolean unavailable;

    private IdleTimerBypass() {
    }

    /** True if the session's idle timer is off; false where the container is not the Tyrus expected. */
    public static boolean apply(Object session) {
        if (unavailable) {
            return false;
        }
        try {
            Field field = schedulerField(session.getClass());
            if (field == null) {
                giveUp("no " + FIELD + " field in " + session.getClass().getName());
                return false;
            }
            field.setAccessible(true);
            field.set(session, NO_TIMER);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            giveUp(e.toString());
            return false;
        }
    }

    static Field schedulerField(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(FIELD) && f.getType() == ScheduledExecutorService.class) {
                    return f;
                }
            }
        }
        return null;
    }

    private static void giveUp(String why) {
        unavailable = true;
        LOG.info(() -> "the container's per-frame idle timer stays on: " + why);
    }

    private static Object unscheduled(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "schedule" -> NeverRuns.INSTANCE; // the idle timer; nothing else is asked of it here
            case "isShutdown", "isTerminated" -> false;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "no idle timer";
            default -> throw new UnsupportedOperationException(method.getName() + " on the bypassed idle timer");
        };
    }

    /** What a bypassed schedule returns: a task that was cancelled before it could run. */
    static final class NeverRuns implements ScheduledFuture<Object> {
        static final NeverRuns INSTANCE = new NeverRuns();

        private NeverRuns() {
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return true;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            throw new CancellationException();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new CancellationException();
        }
    }
}
