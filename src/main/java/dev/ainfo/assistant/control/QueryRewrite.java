package dev.ainfo.assistant.control;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Collects the model's streamed rewrite of a follow-up into one query. */
final class QueryRewrite implements AnswerListener {

    private final StringBuilder text = new StringBuilder();
    private final CompletableFuture<String> query = new CompletableFuture<>();

    CompletionStage<String> query() {
        return query;
    }

    @Override
    public synchronized void onDelta(String delta) {
        text.append(delta);
    }

    @Override
    public void onComplete() {
        String done;
        synchronized (this) {
            done = text.toString();
        }
        query.complete(done);
    }

    @Override
    public void onError(Throwable error) {
        query.completeExceptionally(error);
    }
}
