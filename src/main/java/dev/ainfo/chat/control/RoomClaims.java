package dev.ainfo.chat.control;

import dev.ainfo.platform.control.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RPermitExpirableSemaphore;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

/**
 * One answer in flight per room, across every instance: a Redis semaphore with one permit per room,
 * taken as a lease that the instance renews while it streams ({@link AnswerUpkeep}). An instance
 * that dies stops renewing, and the room is free again once the lease runs out. (A Redisson lock
 * would belong to a thread; an answer moves between threads.)
 *
 * <p>If Redis cannot be reached the claim is granted without a lease: chat goes on, and the
 * instance's own registry still keeps one answer per room here.
 */
@ApplicationScoped
public class RoomClaims {

    private static final Logger LOG = Logger.getLogger(RoomClaims.class.getName());
    static final String PREFIX = "ainfo:room-answer:";
    /** How long an idle room's semaphore stays in Redis. */
    static final Duration KEEP_IDLE = Duration.ofDays(1);

    @Inject
    RedisConnection connection;

    @Inject
    @ConfigProperty(name = "ainfo.chat.claim-lease", defaultValue = "PT10S")
    Duration lease;

    private RedissonClient redis;

    /** A room's claim; {@code permit} is null when it was granted without Redis. */
    public record Claim(long roomId, String permit) {
    }

    public RoomClaims() {
    }

    RoomClaims(RedissonClient redis, Duration lease) {
        this.redis = redis;
        this.lease = lease;
    }

    @PostConstruct
    void connect() {
        redis = connection.client();
    }

    public Duration lease() {
        return lease;
    }

    /** The room's claim, or empty while another answer (on any instance) holds it. */
    public Optional<Claim> claim(long roomId) {
        try {
            RPermitExpirableSemaphore semaphore = semaphore(roomId);
            String permit = semaphore.tryAcquire(0, lease.toMillis(), TimeUnit.MILLISECONDS);
            if (permit == null && semaphore.trySetPermits(1)) {
                // A room's first answer, or one idle long enough for its semaphore to expire.
                permit = semaphore.tryAcquire(0, lease.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (permit == null) {
                return Optional.empty();
            }
            semaphore.expireAsync(KEEP_IDLE);
            return Optional.of(new Claim(roomId, permit));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Claim(roomId, null));
        } catch (RedisException e) {
            LOG.log(Level.WARNING, "room claims unavailable, claiming room {0} on this instance only: {1}",
                    new Object[] {roomId, e.toString()});
            return Optional.of(new Claim(roomId, null));
        }
    }

    /** Extends the lease; false if it had run out and the room may be someone else's now. */
    public boolean renew(Claim claim) {
        if (claim.permit() == null) {
            return true;
        }
        try {
            return semaphore(claim.roomId()).updateLeaseTime(claim.permit(), lease.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RedisException e) {
            LOG.log(Level.FINE, "could not renew the claim of room " + claim.roomId(), e);
            return true; // unknown: Redis is away, and the lease is only lost if it does run out
        }
    }

    /** Frees the room; harmless if the lease ran out already. */
    public void release(Claim claim) {
        if (claim.permit() == null) {
            return;
        }
        try {
            semaphore(claim.roomId()).tryRelease(claim.permit());
        } catch (RedisException e) {
            LOG.log(Level.FINE, "could not release the claim of room " + claim.roomId() + "; its lease will run out", e);
        }
    }

    private RPermitExpirableSemaphore semaphore(long roomId) {
        return redis.getPermitExpirableSemaphore(PREFIX + roomId);
    }
}
