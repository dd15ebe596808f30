package dev.ainfo.rooms.entity;

/** A policy record an answer cites. */
public record Source(String id, String title, String institution, String url) {
}
