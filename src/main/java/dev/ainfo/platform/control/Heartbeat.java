package dev.ainfo.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One timer for every deadline in flight (model first-token and idle timeouts, stalled readers):
 * a single sweep four times a second instead of a scheduled task per answer.
 */
@ApplicationScoped
public class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());
    public static final long PERIOD_MILLIS = 250;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<Runnable> checks = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> sweep;

    @PostConstruct
    void start() {
        sweep = scheduler.scheduleAtFixedRate(this::sweep, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void watch(Runnable check) {
        checks.add(check);
    }

    public void forget(Runnable check) {
        checks.remove(check);
    }

    private void sweep() {
        for (Runnable check : checks) {
            try {
                check.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a deadline check failed", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
    }
}
