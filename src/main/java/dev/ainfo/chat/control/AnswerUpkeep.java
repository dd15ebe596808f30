package dev.ainfo.chat.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What keeps this instance's claims true while it lives, and cleans up after one that died. Every
 * third of the claim lease: renews the room claims of the answers streaming here, stores what they
 * have streamed (which also proves them alive), renews the sockets' seats when due, and stops
 * answers that another instance left streaming for two leases.
 */
@ApplicationScoped
public class AnswerUpkeep {

    private static final Logger LOG = Logger.getLogger(AnswerUpkeep.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    OpenChats chats;

    @Inject
    RoomClaims claims;

    @Inject
    SocketCap caps;

    @Inject
    AnswerLog log;

    @Inject
    RoomSignals signals;

    @Inject
    ChatWorkers workers;

    private ScheduledFuture<?> tick;
    private Duration period;
    private long lastSeatRenewal = System.nanoTime();

    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // Starts the ticks at deployment: the sweep must run even on an instance with no sockets.
    }

    @PostConstruct
    void start() {
        period = upkeepPeriod(claims.lease());
        tick = scheduler.scheduleWithFixedDelay(() -> {
            try {
                workers.later(this::tick);
            } catch (RuntimeException shuttingDown) {
                LOG.log(Level.FINE, "no upkeep while shutting down", shuttingDown);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    static Duration upkeepPeriod(Duration lease) {
        return Duration.ofMillis(Math.max(500, lease.toMillis() / 3));
    }

    void tick() {
        try {
            List<Answer> streaming = new ArrayList<>();
            List<RoomClaims.Claim> held = new ArrayList<>();
            for (Answer answer : chats.answers()) {
                if (!answer.olderThan(period)) {
                    // Claimed and stored moments ago: the lease has two thirds left at least, and most
                    // answers end before the next tick, so they never cost a renewal or a progress write.
                    continue;
                }
                if (answer.claim() != null) {
                    held.add(answer.claim());
                }
                streaming.add(answer);
            }
            for (RoomClaims.Claim lost : claims.renewAll(held)) {
                LOG.warning(() -> "the claim of room " + lost.roomId() + " ran out while its answer streamed");
            }
            log.progress(streaming);
            if (System.nanoTime() - lastSeatRenewal > SocketCap.LEASE.toNanos() / 3) {
                lastSeatRenewal = System.nanoTime();
                chats.seats().forEach(caps::renew);
            }
            log.sweep(Instant.now().minus(staleAfter(claims.lease())));
            signals.listen();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the answer upkeep failed", e);
        }
    }

    /** Stale rows are judged by the writers' clocks: two leases leave room for clock skew between instances. */
    static Duration staleAfter(Duration lease) {
        return lease.multipliedBy(2);
    }

    @PreDestroy
    void stop() {
        if (tick != null) {
            tick.cancel(false);
        }
    }
}
