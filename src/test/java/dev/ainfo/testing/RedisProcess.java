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

    /** Kills the server abruptly, as a crash would. */
    public synchronized void kill() {
        if (process != null) {
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
