package dev.ainfo.platform.control;

/**
 * Who a log line is about: the user, room, socket and request of the work the thread is doing, so
 * one conversation can be followed across lines and instances. Set by the chat endpoint and the
 * request filter, carried into executor tasks by {@link #wrap}, read by {@link LogLines}.
 */
public final class LogContext {

    /** The fields of one piece of work; any may be null. */
    public record Fields(String user, Long room, String socket, String request) {
    }

    private static final ThreadLocal<Fields> CURRENT = new ThreadLocal<>();

    private LogContext() {
    }

    public static Fields current() {
        return CURRENT.get();
    }

    /** Sets the thread's fields; the returned scope puts the previous ones back. */
    public static Scope enter(Fields fields) {
        Fields previous = CURRENT.get();
        CURRENT.set(fields);
        return () -> CURRENT.set(previous);
    }

    /** The task, run with the fields of the thread that hands it over. */
    public static Runnable wrap(Runnable task) {
        Fields fields = CURRENT.get();
        if (fields == null) {
            return task;
        }
        return () -> {
            try (Scope ignored = enter(fields)) {
                task.run();
            }
        };
    }

    /** Restores the previous fields. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
