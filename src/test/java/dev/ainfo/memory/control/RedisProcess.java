package dev.ainfo.memory.control;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

/**
 * A real redis-server on a free loopback port, without persistence, that a test can kill and start
 * again on the same port. The machine's /usr/bin/redis-server is preferred; the embedded-redis
 * jar's bundled binary is the fallback.
 */
final class RedisProcess implements AutoCloseable {

    private static final File SYSTEM_REDIS = new File("/usr/bin/redis-server");

    private final int port;
    private final Path dir;
    private Process process;
    private RedisServer embedded;

    private RedisProcess(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    static RedisProcess start() {
        try {
            RedisProcess redis = new RedisProcess(freePort(), Files.createTempDirectory("ainfo-memory-redis"));
            redis.restart();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void restart() {
        try {
            if (SYSTEM_REDIS.canExecute()) {
                process = new ProcessBuilder(SYSTEM_REDIS.getPath(), "--port", String.valueOf(port),
                        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("redis.log").toFile())
                        .start();
            } else {
                embedded = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                        .setting("save \"\"").setting("appendonly no").build();
                embedded.start();
            }
            awaitPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like a crash: nothing is saved, the data is gone. */
    void kill() {
        try {
            if (process != null) {
                resume();
                process.destroyForcibly().waitFor();
                process = null;
            }
            if (embedded != null) {
                embedded.stop();
                embedded = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like a network partition or a long GC: the process and its data stay, it just does not answer. */
    void pause() {
        signal("STOP");
    }

    void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        if (process == null) {
            throw new IllegalStateException("pausing needs /usr/bin/redis-server");
        }
        try {
            new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean pausable() {
        return process != null;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** A client configured like the application's: short timeouts, one retry. */
    RedissonClient client() {
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress(url()).setTimeout(1000).setConnectTimeout(1000)
                .setRetryAttempts(1).setConnectionMinimumIdleSize(2);
        return Redisson.create(config);
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitPort() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("redis-server did not open port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
