package dev.ainfo.chat.entity;

/** Client-to-server frames: a question, or a request to stop the answer in progress. */
public sealed interface ClientFrame {

    record Ask(String message) implements ClientFrame {
    }

    record Stop() implements ClientFrame {
    }
}
