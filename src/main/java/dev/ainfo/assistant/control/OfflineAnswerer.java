package dev.ainfo.assistant.control;

import dev.ainfo.assistant.entity.PreparedAnswer;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Streams a composed answer word by word, paced like a model, so the chat behaves the same offline. */
@ApplicationScoped
public class OfflineAnswerer {

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "ainfo.offline.token-interval", defaultValue = "PT0.02S")
    java.time.Duration tokenInterval;

    public AnswerHandle stream(PreparedAnswer prepared, AnswerListener listener) {
        Iterator<String> pieces = pieces(OfflineComposer.compose(prepared.question(), prepared.facts(), prepared.hits())).iterator();
        AtomicBoolean over = new AtomicBoolean();
        ScheduledFuture<?>[] ticker = new ScheduledFuture<?>[1];
        Runnable tick = () -> {
            if (over.get()) {
                return;
            }
            if (pieces.hasNext()) {
                listener.onDelta(pieces.next());
            } else if (over.compareAndSet(false, true)) {
                listener.onComplete();
                cancel(ticker);
            }
        };
        synchronized (ticker) {
            long micros = Math.max(1, tokenInterval.toNanos() / 1000);
            ticker[0] = scheduler.scheduleWithFixedDelay(tick, 0, micros, TimeUnit.MICROSECONDS);
        }
        return () -> {
            over.set(true);
            cancel(ticker);
        };
    }

    /** A short answer can end before the schedule call returns: the lock waits for the ticker to be stored. */
    private static void cancel(ScheduledFuture<?>[] ticker) {
        synchronized (ticker) {
            ticker[0].cancel(false);
        }
    }

    /** Splits text after each run of whitespace, keeping the whitespace, like a tokenizer's pieces. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i))) {
                pieces.add(text.substring(start, i));
                start = i;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }
}
