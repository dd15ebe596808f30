package dev.ainfo.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the chatters of one phase measured. */
final class Results {

    final Latencies handshake = new Latencies();
    final Latencies firstChunk = new Latencies();
    final Latencies answer = new Latencies();
    private final AtomicLong connected = new AtomicLong();
    private final AtomicLong connectFailed = new AtomicLong();
    private final AtomicLong asked = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong chunks = new AtomicLong();
    private final Map<String, Long> errors = new ConcurrentHashMap<>();

    void connected() {
        connected.incrementAndGet();
    }

    void connectFailed() {
        connectFailed.incrementAndGet();
    }

    void asked() {
        asked.incrementAndGet();
    }

    void answered() {
        answered.incrementAndGet();
    }

    void chunk() {
        chunks.incrementAndGet();
    }

    void error(String kind) {
        errors.merge(kind, 1L, Long::sum);
    }

    long connectedCount() {
        return connected.get();
    }

    long connectFailedCount() {
        return connectFailed.get();
    }

    long askedCount() {
        return asked.get();
    }

    long answeredCount() {
        return answered.get();
    }

    long chunkCount() {
        return chunks.get();
    }

    Map<String, Long> errors() {
        return new TreeMap<>(errors);
    }
}
