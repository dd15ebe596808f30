package dev.ainfo.chat.control;

import dev.ainfo.platform.control.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.RBatch;
import org.redisson.api.RBucket;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RScriptAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * One answer in flight per room, across every instance: a Redis key per room holding the claim's
 * token, set only if absent and expiring after a lease that the instance renews while it streams
 * ({@link AnswerUpkeep}). An instance that dies stops renewing, and the room is free again once the
 * lease runs out. Claiming and releasing are one round trip each, and an idle room leaves no key.
 * (A Redisson lock would belong to a thread; an answer moves between threads.)
 *
 * <p>If Redis cannot be reached the claim is granted without a lease: chat goes on, and the
 * instance's own registry still keeps one answer per room here.
 */
@ApplicationScoped
public class RoomClaims {

    private static final Logger LOG = Logger.getLogger(RoomClaims.class.getName());
    static final String PREFIX = "ainfo:room-claim:";
    /** Only the claim's holder may extend or end it: a lease that ran out may be another's now. */
    private static final String RENEW = """
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
            return 0
            """;
    private static final String RELEASE = """
            if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
            return 0
            """;

    @Inject
    RedisConnection connection;

    @Inject
    @ConfigProperty(name = "ainfo.chat.claim-lease", defaultValue = "PT10S")
    Duration lease;

    private RedissonClient redis;

    /** A room's claim; {@code permit} (the token in Redis) is null when it was granted without Redis. */
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
            String token = UUID.randomUUID().toString();
            RBucket<String> key = redis.getBucket(PREFIX + roomId, StringCodec.INSTANCE);
            return key.setIfAbsent(token, lease) ? Optional.of(new Claim(roomId, token)) : Optional.empty();
        } catch (RedisException e) {
            LOG.log(Level.WARNING, "room claims unavailable, claiming room {0} on this instance only: {1}",
                    new Object[] {roomId, e.toString()});
            return Optional.of(new Claim(roomId, null));
        }
    }

    /** Extends the lease; false if it had run out and the room may be someone else's now. */
    public boolean renew(Claim claim) {
        return renewAll(List.of(claim)).isEmpty();
    }

    /**
     * Extends the leases of many claims in one round trip (a pipelined batch): the upkeep renews
     * every long answer each tick, and under load hundreds stream at once. Returns the claims whose
     * lease had run out; none when Redis is away (unknown, as in {@link #renew}).
     */
    public List<Claim> renewAll(Collection<Claim> held) {
        List<Claim> inRedis = held.stream().filter(claim -> claim.permit() != null).toList();
        if (inRedis.isEmpty()) {
            return List.of();
        }
        try {
            RBatch batch = redis.createBatch();
            RScriptAsync scripts = batch.getScript(StringCodec.INSTANCE);
            String millis = String.valueOf(lease.toMillis());
            List<RFuture<Long>> renewed = new ArrayList<>(inRedis.size());
            for (Claim claim : inRedis) {
                String key = PREFIX + claim.roomId();
                renewed.add(scripts.evalAsync(key, RScript.Mode.READ_WRITE, RENEW, RScript.ReturnType.INTEGER,
                        List.of(key), claim.permit(), millis));
            }
            batch.execute();
            List<Claim> lost = new ArrayList<>();
            for (int i = 0; i < inRedis.size(); i++) {
                Long done = renewed.get(i).getNow();
                if (done == null || done != 1) {
                    lost.add(inRedis.get(i));
                }
            }
            return lost;
        } catch (RedisException e) {
            LOG.log(Level.FINE, "could not renew " + inRedis.size() + " room claims", e);
            return List.of();
        }
    }

    /** Frees the room; harmless if the lease ran out already. */
    public void release(Claim claim) {
        if (claim.permit() == null) {
            return;
        }
        try {
            String key = PREFIX + claim.roomId();
            redis.getScript(StringCodec.INSTANCE).eval(key, RScript.Mode.READ_WRITE, RELEASE,
                    RScript.ReturnType.INTEGER, List.of(key), claim.permit());
        } catch (RedisException e) {
            LOG.log(Level.FINE, "could not release the claim of room " + claim.roomId() + "; its lease will run out", e);
        }
    }
}
