package dev.ainfo.memory.control;

import dev.ainfo.platform.control.AppMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Remembers that Redis just failed, so that answers skip it for a while instead of each waiting
 * for a connect timeout; after {@code retryAfter} the next call tries Redis again, which is how
 * memory resumes without a restart. Warns once per outage.
 */
public final class RedisAvailability {

    private static final Logger LOG = Logger.getLogger(RedisAvailability.class.getName());

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
