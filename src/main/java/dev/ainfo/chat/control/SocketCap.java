package dev.ainfo.chat.control;

import dev.ainfo.platform.control.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RPermitExpirableSemaphore;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

/**
 * Open sockets per user, counted across every instance: a Redis semaphore per user whose permits
 * are leases, renewed while the socket is open ({@link AnswerUpkeep}), so the sockets of an
 * instance that died stop counting once their leases run out. If Redis cannot be reached, this
 * instance's own count applies.
 */
@ApplicationScoped
public class SocketCap {

    private static final Logger LOG = Logger.getLogger(SocketCap.class.getName());
    static final String PREFIX = "ainfo:sockets:";
    /** A socket's lease: renewed every third of it, so a dead instance's sockets free within a minute. */
    static final Duration LEASE = Duration.ofSeconds(60);
    /** How long an idle user's semaphore stays in Redis. */
    static final Duration KEEP_IDLE = Duration.ofDays(1);

    @Inject
    RedisConnection connection;

    @Inject
    @ConfigProperty(name = "ainfo.ws.max-sockets-per-user", defaultValue = "10")
    int maxSocketsPerUser;

    private RedissonClient redis;
    private final ConcurrentMap<String, AtomicInteger> local = new ConcurrentHashMap<>();

    /** A socket's place under its user's cap; {@code permit} is null when Redis was away. */
    public record Seat(String userId, String permit) {
    }

    public SocketCap() {
    }

    SocketCap(RedissonClient redis, int maxSocketsPerUser) {
        this.redis = redis;
        this.maxSocketsPerUser = maxSocketsPerUser;
    }

    @PostConstruct
    void connect() {
        redis = connection.client();
    }

    /** A seat for one more socket of the user, or null when the user has the most allowed. */
    public Seat take(String userId) {
        try {
            RPermitExpirableSemaphore semaphore = semaphore(userId);
            String permit = semaphore.tryAcquire(0, LEASE.toMillis(), TimeUnit.MILLISECONDS);
            if (permit == null && semaphore.trySetPermits(maxSocketsPerUser)) {
                permit = semaphore.tryAcquire(0, LEASE.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (permit == null) {
                return null;
            }
            semaphore.expireAsync(KEEP_IDLE);
            return new Seat(userId, permit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RedisException e) {
            LOG.log(Level.WARNING, "socket caps unavailable, counting this instance only: {0}", e.toString());
            AtomicInteger count = local.computeIfAbsent(userId, u -> new AtomicInteger());
            if (count.incrementAndGet() > maxSocketsPerUser) {
                count.decrementAndGet();
                return null;
            }
            return new Seat(userId, null);
        }
    }

    /** Keeps the seat while its socket is open; asynchronous, as it runs for every socket. */
    public void renew(Seat seat) {
        if (seat.permit() != null) {
            semaphore(seat.userId()).updateLeaseTimeAsync(seat.permit(), LEASE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public void free(Seat seat) {
        if (seat.permit() == null) {
            local.computeIfPresent(seat.userId(), (u, n) -> n.decrementAndGet() <= 0 ? null : n);
            return;
        }
        try {
            semaphore(seat.userId()).tryReleaseAsync(seat.permit());
        } catch (RedisException e) {
            LOG.log(Level.FINE, "could not free a socket seat; its lease will run out", e);
        }
    }

    private RPermitExpirableSemaphore semaphore(String userId) {
        return redis.getPermitExpirableSemaphore(PREFIX + userId);
    }
}
