package dev.ainfo.chat.control;

import dev.ainfo.platform.control.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.client.RedisException;

/**
 * Each user's question allowance, shared by all server instances through Redisson's rate limiter.
 * If Redis is unreachable the question is allowed: losing the limit briefly beats refusing chat.
 */
@ApplicationScoped
public class QuestionRate {

    private static final Logger LOG = Logger.getLogger(QuestionRate.class.getName());

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "ainfo.chat.rate", defaultValue = "20")
    long questions;

    @Inject
    @ConfigProperty(name = "ainfo.chat.rate-interval", defaultValue = "PT1M")
    Duration interval;

    public boolean allows(String userId) {
        if (questions <= 0) {
            return true;
        }
        try {
            RRateLimiter limiter = redis.client().getRateLimiter("ainfo:rate:" + userId);
            try {
                return limiter.tryAcquire();
            } catch (RedisException notSetUp) {
                // New user, or a limiter that expired after its keep-alive: one round trip to set it up,
                // instead of one on every question.
                if (!String.valueOf(notSetUp.getMessage()).contains("not initialized")) {
                    throw notSetUp;
                }
                limiter.trySetRate(RateType.OVERALL, questions, interval, interval.multipliedBy(2));
                return limiter.tryAcquire();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rate limit unavailable, allowing the question: {0}", e.toString());
            return true;
        }
    }
}
