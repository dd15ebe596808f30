/**
 * Conversation memory: per (user, room), a running summary plus a buffer of the recent messages,
 * kept in the Redis hash {@code ainfo:memory:{userId}:{roomId}} (fields summary, messages, tokens,
 * answers). After each completed answer the turn is appended; while the buffer holds more than
 * {@code ainfo.memory.max-token-limit} tokens (jtokkit, the model's encoding) the oldest lines are
 * folded into the summary, by the model when one is configured, extractively offline. Updates to
 * one conversation are serialised by a Redisson lock; answer ids make retries harmless. Without
 * Redis, the buffer comes from the chat log and the chat goes on.
 */
package dev.ainfo.memory;
