package dev.ainfo.memory.control;

import dev.ainfo.platform.control.AppMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Remembers that Redis just failed, so that answers skip it for a while instead of each waiting
 * for a connect timeout; after {@code retryAfter} the next call tries Redis again, which is how
 * memory resumes without a restart. Warns once per outage.
 */
public final class RedisAvailability {

    private static final Logger LOG = Logger.getLogger(RedisAvailability.class.getName());
    /** Kubernetes probes time out after one second by default. */
    static final Duration HEALTH_TIMEOUT = Duration.ofMillis(800);

    private final Duration retryAfter;
    private final Clock clock;
    private volatile Instant downUntil;
    private volatile boolean down;

    public RedisAvailability(Duration retryAfter) {
        this(retryAfter, Clock.systemUTC());
    }

    RedisAvailability(Duration retryAfter, Clock clock) {
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    /** Whether to try Redis now: always while it is up, once per retry interval while it is down. */
    public boolean worthTrying() {
        Instant until = downUntil;
        return !down || until == null || !clock.instant().isBefore(until);
    }

    /**
     * Waits for a health round trip, at most {@link #HEALTH_TIMEOUT}. While answers already skip
     * Redis it reports unreachable at once; a slow reply says so without making answers skip Redis,
     * since only a failure proves it is gone.
     */
    public boolean probe(Supplier<? extends CompletionStage<?>> roundTrip) {
        if (!worthTrying()) {
            return false;
        }
        try {
            roundTrip.get().toCompletableFuture().get(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            succeeded();
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            failed("health check", e.getCause());
            return false;
        } catch (RuntimeException e) {
            failed("health check", e);
            return false;
        }
    }

    public boolean degraded() {
        return down;
    }

    public void failed(String what, Throwable cause) {
        downUntil = clock.instant().plus(retryAfter);
        if (!down) {
            down = true;
            AppMetrics.redisDegraded(true);
            LOG.log(Level.WARNING, "Redis is unreachable (" + what + "): memory is rebuilt from the chat log until it returns", cause);
        } else {
            LOG.fine(() -> "Redis still unreachable (" + what + "): " + cause);
        }
    }

    public void succeeded() {
        if (down) {
            down = false;
            AppMetrics.redisDegraded(false);
            downUntil = null;
            LOG.info("Redis is reachable again: conversation memory resumed");
        }
    }
}
