package dev.ainfo.memory.entity;

/** One remembered line of a conversation; role is "user" or "bot". */
public record MemoryMessage(String role, String message) {
}
