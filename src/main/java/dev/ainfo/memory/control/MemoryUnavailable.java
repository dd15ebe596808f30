package dev.ainfo.memory.control;

/** Redis could not be reached for an operation that must not pretend to succeed (a reset). */
public class MemoryUnavailable extends RuntimeException {

    public MemoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
