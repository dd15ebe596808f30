package dev.ainfo.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A real redis-server on 127.0.0.1 for tests; can be killed and started again on the same port. */
public final class RedisProcess implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    private RedisProcess(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static RedisProcess start(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "it-data", "redis-" + name).toAbsolutePath());
            RedisProcess redis = new RedisProcess(freePort(), dir);
            redis.startAgain();
            return redis;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server of a test's own, on a fresh port and folder. */
    public static RedisProcess start() {
        return start(java.util.UUID.randomUUID().toString());
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void startAgain() {
        try {
            process = new ProcessBuilder(List.of(executable(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
            awaitPort(true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client configured like the application's: short timeouts, one retry, lazy connection. */
    public org.redisson.api.RedissonClient client() {
        org.redisson.config.Config config = new org.redisson.config.Config();
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress(url()).setTimeout(1000).setConnectTimeout(1000)
                .setRetryAttempts(1).setConnectionMinimumIdleSize(1);
        return org.redisson.Redisson.create(config);
    }

    /** Like a network partition or a long GC pause: the process and its data stay; it does not answer. */
    public void pause() {
        signal("STOP");
    }

    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the server abruptly, as a crash would: nothing is saved. */
    public synchronized void kill() {
        if (process != null) {
            resume();
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            awaitPort(false);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static String executable() throws IOException {
        if (new File("/usr/bin/redis-server").canExecute()) {
            return "/usr/bin/redis-server";
        }
        // The embedded-redis jar on the classpath carries a Linux binary.
        return redis.embedded.core.ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
    }

    private void awaitPort(boolean open) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                if (open) {
                    return;
                }
            } catch (IOException refused) {
                if (!open) {
                    return;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("redis-server on port " + port + " did not " + (open ? "start" : "stop"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
