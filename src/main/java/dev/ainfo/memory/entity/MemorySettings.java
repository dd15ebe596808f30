package dev.ainfo.memory.entity;

import java.time.Duration;

/**
 * How memory behaves; read from the {@code ainfo.memory.*} keys.
 *
 * @param maxTokenLimit   the buffer is summarised while its token count is above this
 * @param maxSummaryTokens the offline (extractive) summary keeps at most this many tokens
 * @param ttl             idle time-to-live of a conversation's key, refreshed on every use
 * @param rebuildMessages how many stored log messages rebuild a lost buffer
 * @param retryAfter      after Redis failed, how long answers skip it before trying again
 */
public record MemorySettings(int maxTokenLimit, int maxSummaryTokens, Duration ttl, int rebuildMessages,
                             Duration retryAfter) {

    public static MemorySettings defaults() {
        return new MemorySettings(200, 400, Duration.ofDays(30), 20, Duration.ofSeconds(10));
    }

    public MemorySettings withMaxTokenLimit(int limit) {
        return new MemorySettings(limit, maxSummaryTokens, ttl, rebuildMessages, retryAfter);
    }

    public MemorySettings withTtl(Duration idle) {
        return new MemorySettings(maxTokenLimit, maxSummaryTokens, idle, rebuildMessages, retryAfter);
    }

    public MemorySettings withRetryAfter(Duration wait) {
        return new MemorySettings(maxTokenLimit, maxSummaryTokens, ttl, rebuildMessages, wait);
    }
}
