package dev.ainfo.platform.control;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server for the embedded defaults, bound to loopback and persisting into the data
 * directory. The machine's own redis-server is preferred; the bundled 6.2 binary is the fallback.
 */
final class EmbeddedRedis {

    private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class.getName());
    private static final File SYSTEM_REDIS = new File("/usr/bin/redis-server");

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedRedis start(Path dataDir) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("redis")).toAbsolutePath();
        int port = freePort();
        ExecutableProvider executable = SYSTEM_REDIS.canExecute()
                ? () -> SYSTEM_REDIS
                : ExecutableProvider.newJarResourceProvider();
        RedisServer server = RedisServer.newRedisServer()
                .executableProvider(executable)
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + dir)
                .setting("appendonly yes")
                .setting("protected-mode yes")
                .onShutdownForceStop(true)
                .build();
        server.start();
        LOG.info(() -> "started an embedded redis-server on 127.0.0.1:" + port + ", data in " + dir);
        return new EmbeddedRedis(server, port);
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            LOG.warning("could not stop the embedded redis-server: " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
