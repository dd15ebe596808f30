package dev.ainfo.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's one Redisson client: standalone, sentinel or cluster from configuration, or a
 * redis-server started for the embedded defaults when none is configured. Connections are made
 * lazily, so the server starts, and chats, while Redis is down.
 */
@ApplicationScoped
public class RedisConnection {

    private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

    @Inject
    @ConfigProperty(name = "ainfo.redis.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "ainfo.redis.sentinel-addresses")
    Optional<String> sentinels;

    @Inject
    @ConfigProperty(name = "ainfo.redis.sentinel-master", defaultValue = "mymaster")
    String sentinelMaster;

    @Inject
    @ConfigProperty(name = "ainfo.redis.cluster-addresses")
    Optional<String> cluster;

    @Inject
    @ConfigProperty(name = "ainfo.redis.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "ainfo.redis.timeout", defaultValue = "PT2S")
    java.time.Duration timeout;

    @Inject
    @ConfigProperty(name = "ainfo.data-dir", defaultValue = "ainfo-data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "ainfo.redis.threads", defaultValue = "4")
    int threads;

    @Inject
    @ConfigProperty(name = "ainfo.redis.netty-threads", defaultValue = "8")
    int nettyThreads;

    private EmbeddedRedis embedded;
    private RedissonClient client;

    @PostConstruct
    void connect() {
        Config config = new Config();
        config.setLazyInitialization(true);
        // Redisson's defaults (16 and 32 threads) are sized for big hosts; every call here is short.
        config.setThreads(threads).setNettyThreads(nettyThreads);
        int millis = (int) timeout.toMillis();
        String secret = password.filter(p -> !p.isBlank()).orElse(null);
        List<String> clusterNodes = CommaList.of(cluster);
        List<String> sentinelNodes = CommaList.of(sentinels);
        if (!clusterNodes.isEmpty()) {
            config.useClusterServers().addNodeAddress(clusterNodes.toArray(String[]::new))
                    .setPassword(secret).setTimeout(millis).setConnectTimeout(millis);
        } else if (!sentinelNodes.isEmpty()) {
            config.useSentinelServers().setMasterName(sentinelMaster)
                    .addSentinelAddress(sentinelNodes.toArray(String[]::new))
                    .setPassword(secret).setTimeout(millis).setConnectTimeout(millis);
        } else {
            config.useSingleServer().setAddress(url.filter(u -> !u.isBlank()).orElseGet(this::startEmbedded))
                    .setPassword(secret).setTimeout(millis).setConnectTimeout(millis)
                    .setRetryAttempts(1).setConnectionMinimumIdleSize(2);
        }
        client = Redisson.create(config);
    }

    public RedissonClient client() {
        return client;
    }

    public boolean embedded() {
        return embedded != null;
    }

    private String startEmbedded() {
        InstanceSettings settings = DeploymentGuard.settings(org.eclipse.microprofile.config.ConfigProvider.getConfig(
                RedisConnection.class.getClassLoader()));
        if (settings.multiInstance()) {
            // The guard refuses this deployment too; this keeps an instance's own Redis from starting first.
            throw new IllegalStateException("AInfo refuses to start: " + String.join("; ", settings.problems()));
        }
        try {
            embedded = EmbeddedRedis.start(Path.of(dataDir));
            return embedded.url();
        } catch (IOException e) {
            throw new UncheckedIOException("ainfo.redis.url is unset and no redis-server could be started", e);
        }
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.shutdown();
        }
        if (embedded != null) {
            embedded.stop();
            LOG.info("stopped the embedded redis-server");
        }
    }
}
