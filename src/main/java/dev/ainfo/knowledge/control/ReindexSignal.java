package dev.ainfo.knowledge.control;

import dev.ainfo.platform.control.RedisConnection;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RTopic;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * A re-ingest asked of one instance reaches every instance: each keeps its own index in its own data
 * directory, so each reads the source again when another announces it on a Redis topic.
 */
@ApplicationScoped
public class ReindexSignal {

    private static final Logger LOG = Logger.getLogger(ReindexSignal.class.getName());
    static final String TOPIC = "ainfo:knowledge:reindex";
    /** Tells this instance's own announcements apart: it has re-indexed already. */
    private static final String SELF = UUID.randomUUID().toString();

    @Inject
    RedisConnection redis;

    @Inject
    PolicyIndex index;

    @Resource
    ManagedExecutorService executor;

    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        try {
            topic().addListener(String.class, (channel, sender) -> {
                if (!SELF.equals(sender)) {
                    executor.execute(this::reindexHere);
                }
            });
        } catch (RedisException e) {
            LOG.log(Level.WARNING, "re-ingests on other instances will not reach this one: {0}", e.toString());
        }
    }

    /** After this instance re-indexed: the number of other instances told (-1 if Redis is unreachable). */
    public long announce() {
        try {
            return topic().publish(SELF) - 1;
        } catch (RedisException e) {
            LOG.log(Level.WARNING, "could not tell other instances to re-index: {0}", e.toString());
            return -1;
        }
    }

    private void reindexHere() {
        try {
            LOG.info(() -> "re-indexing, as another instance announced: " + index.reindex());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the re-index another instance announced failed here", e);
        }
    }

    private RTopic topic() {
        return redis.client().getTopic(TOPIC, StringCodec.INSTANCE);
    }
}
