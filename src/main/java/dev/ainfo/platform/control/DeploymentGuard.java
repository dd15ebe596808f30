package dev.ainfo.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to deploy a configuration that would split several instances silently
 * ({@link InstanceSettings}), and a data directory another running instance holds: the search
 * index, the embedded Redis and the H2 files in it belong to one instance.
 */
@Startup
@Singleton
public class DeploymentGuard {

    private static final Logger LOG = Logger.getLogger(DeploymentGuard.class.getName());

    private FileChannel lockFile;
    private FileLock lock;

    @PostConstruct
    void check() {
        InstanceSettings settings = settings(ConfigProvider.getConfig(DeploymentGuard.class.getClassLoader()));
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            String message = "AInfo refuses to start: " + String.join("; ", problems) + " (see docs/scale-out.md)";
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
        lockDataDir(Path.of(DevIssuerConfigSource.dataDir()));
        if (settings.multiInstance()) {
            LOG.info(() -> "multi-instance configuration: shared database and Redis, this instance's data in "
                    + Path.of(DevIssuerConfigSource.dataDir()).toAbsolutePath());
        }
    }

    static InstanceSettings settings(Config config) {
        boolean sharedRedis = CommaList.of(config.getOptionalValue("ainfo.redis.url", String.class)).size()
                + CommaList.of(config.getOptionalValue("ainfo.redis.sentinel-addresses", String.class)).size()
                + CommaList.of(config.getOptionalValue("ainfo.redis.cluster-addresses", String.class)).size() > 0;
        return new InstanceSettings(config.getOptionalValue("ainfo.db.url", String.class).orElse(null),
                config.getOptionalValue("ainfo.instances", Integer.class).orElse(1),
                sharedRedis, DevIssuerConfigSource.active());
    }

    /** Held until undeploy or exit; the operating system frees it when the process dies. */
    private void lockDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            lockFile = FileChannel.open(dataDir.resolve("instance.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockFile.tryLock();
        } catch (OverlappingFileLockException held) {
            lock = null;
        } catch (IOException e) {
            throw new IllegalStateException("AInfo refuses to start: cannot lock its data directory " + dataDir.toAbsolutePath(), e);
        }
        if (lock == null) {
            String message = "AInfo refuses to start: ainfo.data-dir " + dataDir.toAbsolutePath()
                    + " is in use by another running instance; give each instance its own data directory";
            LOG.severe(message);
            closeQuietly();
            throw new IllegalStateException(message);
        }
    }

    @PreDestroy
    void release() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockFile != null) {
                lockFile.close();
            }
        } catch (IOException e) {
            LOG.fine(() -> "could not release the data directory lock: " + e);
        }
    }
}
