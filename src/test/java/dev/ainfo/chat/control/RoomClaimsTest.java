package dev.ainfo.chat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.testing.RedisProcess;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * The room claim and the socket cap against a real redis-server, with two clients standing for two
 * instances: one holder at a time, and a holder that stops renewing (a dead instance) loses it.
 */
class RoomClaimsTest {

    private static RedisProcess redis;
    private static RedissonClient instanceA;
    private static RedissonClient instanceB;

    @BeforeAll
    static void start() {
        redis = RedisProcess.start();
        instanceA = redis.client();
        instanceB = redis.client();
    }

    @AfterAll
    static void stop() {
        instanceA.shutdown();
        instanceB.shutdown();
        redis.close();
    }

    private static long room() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    @Test
    void oneAnswerPerRoomAcrossInstancesUntilReleased() {
        RoomClaims a = new RoomClaims(instanceA, Duration.ofSeconds(10));
        RoomClaims b = new RoomClaims(instanceB, Duration.ofSeconds(10));
        long room = room();

        Optional<RoomClaims.Claim> first = a.claim(room);
        assertTrue(first.isPresent());
        assertNotNull(first.get().permit(), "a lease in Redis, not a local claim");
        assertTrue(b.claim(room).isEmpty(), "busy on the other instance");
        assertTrue(b.claim(room()).isPresent(), "other rooms are free");

        a.release(first.get());
        Optional<RoomClaims.Claim> second = b.claim(room);
        assertTrue(second.isPresent(), "free once released");
        assertTrue(a.claim(room).isEmpty());
        b.release(second.get());
        assertFalse(instanceA.getBucket(RoomClaims.PREFIX + room).isExists(), "a released room leaves no key behind");
    }

    @Test
    void aClaimWhoseInstanceStopsRenewingRunsOutWithinTheLease() throws Exception {
        RoomClaims dying = new RoomClaims(instanceA, Duration.ofMillis(1500));
        RoomClaims survivor = new RoomClaims(instanceB, Duration.ofMillis(1500));
        long room = room();
        RoomClaims.Claim held = dying.claim(room).orElseThrow();

        for (int i = 0; i < 4; i++) {
            Thread.sleep(500);
            assertTrue(dying.renew(held), "renewed while alive");
            assertTrue(survivor.claim(room).isEmpty(), "renewal keeps the room past its first lease");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Optional<RoomClaims.Claim> taken = Optional.empty();
        while (taken.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            taken = survivor.claim(room);
        }
        assertTrue(taken.isPresent(), "the dead instance's claim ran out");
        assertFalse(dying.renew(held), "the old holder learns it lost the room");
        dying.release(held);
        assertTrue(dying.claim(room).isEmpty(), "releasing a lost claim does not free the new holder's");
    }

    @Test
    void oneBatchRenewsEveryClaimStillHeldAndNamesTheLostOnes() throws Exception {
        // Long leases, so a stalled test thread cannot let a claim run out; the TTL shows the renewal.
        RoomClaims upkeep = new RoomClaims(instanceA, Duration.ofSeconds(30));
        RoomClaims other = new RoomClaims(instanceB, Duration.ofSeconds(10));
        RoomClaims.Claim kept = upkeep.claim(room()).orElseThrow();
        RoomClaims.Claim lost = upkeep.claim(room()).orElseThrow();
        RoomClaims.Claim local = new RoomClaims.Claim(room(), null);
        instanceA.getBucket(RoomClaims.PREFIX + lost.roomId()).delete(); // its lease ran out
        RoomClaims.Claim taker = other.claim(lost.roomId()).orElseThrow();
        Thread.sleep(2000);

        assertEquals(List.of(lost), upkeep.renewAll(List.of(kept, lost, local)));
        long ttl = instanceA.getBucket(RoomClaims.PREFIX + kept.roomId()).remainTimeToLive();
        assertTrue(ttl > 29_000, "the kept claim's lease starts again (at most 28 s were left): " + ttl + " ms");
        long taken = instanceA.getBucket(RoomClaims.PREFIX + lost.roomId()).remainTimeToLive();
        assertTrue(taken <= 10_000, "the new holder's lease is not touched: " + taken + " ms");
        assertTrue(other.claim(kept.roomId()).isEmpty());
        other.release(taker);
        upkeep.release(kept);
    }

    @Test
    void theSocketCapCountsEveryInstanceAndFreesSeats() {
        SocketCap a = new SocketCap(instanceA, 3);
        SocketCap b = new SocketCap(instanceB, 3);
        String user = "cap-" + room();

        SocketCap.Seat one = a.take(user);
        SocketCap.Seat two = b.take(user);
        SocketCap.Seat three = a.take(user);
        assertNotNull(one);
        assertNotNull(two);
        assertNotNull(three);
        assertNull(b.take(user), "the fourth socket is refused, whichever instance it reaches");
        assertNotNull(a.take("someone-else-" + room()));

        b.free(two);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        SocketCap.Seat again = null;
        while (again == null && System.nanoTime() < deadline) {
            again = a.take(user); // the release is asynchronous
        }
        assertNotNull(again);
        assertEquals(user, again.userId());
    }

    @Test
    void withoutRedisTheClaimIsLocalAndChatGoesOn() {
        RedisProcess gone = RedisProcess.start();
        RedissonClient client = gone.client();
        try {
            gone.kill();
            RoomClaims claims = new RoomClaims(client, Duration.ofSeconds(10));
            RoomClaims.Claim claim = claims.claim(room()).orElseThrow();
            assertNull(claim.permit());
            assertTrue(claims.renew(claim));
            claims.release(claim);
        } finally {
            client.shutdown();
        }
    }
}
