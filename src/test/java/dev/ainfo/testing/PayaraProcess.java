package dev.ainfo.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro as a process of the test's own, for what Arquillian cannot do: stopping the server
 * under a live socket and starting it again on the same data. Always with --nohazelcast
 * --disablephonehome and the project's pre-boot commands (loopback listener, executor sizes).
 */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private PayaraProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static PayaraProcess start(String name, Map<String, String> settings) throws IOException {
        return start(name, settings, Duration.ofMinutes(10));
    }

    /** As above, waiting up to {@code readyWithin}: several instances starting at once on a busy machine take longer. */
    public static PayaraProcess start(String name, Map<String, String> settings, Duration readyWithin) throws IOException {
        int port = RedisProcess.freePort();
        List<String> command = command(port, settings);
        Path log = Deployments.dataDir(name).resolve("payara-" + Instant.now().toEpochMilli() + ".log");
        java.nio.file.Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        JvmDefaults.applyEnvironment(builder);
        Process process = builder.start();
        PayaraProcess payara = new PayaraProcess(process, port);
        payara.awaitReady(readyWithin);
        return payara;
    }

    /** The JDK running the tests, with payara-config/jvm.options like every start path. */
    static List<String> command(int port, Map<String, String> settings) {
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString()));
        command.addAll(JvmDefaults.options(javaHome));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--nohazelcast", "--disablephonehome",
                "--prebootcommandfile", System.getProperty("ainfo.bootcommands", "payara-config/pre-boot-commands.asadmin"),
                "--port", String.valueOf(port), "--contextroot", "/",
                "--deploy", System.getProperty("ainfo.war", "target/ainfo.war")));
        return command;
    }

    public URI http() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Stops the server as an operator would (SIGTERM), waiting for it to exit. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Kills the server as a crash would (SIGKILL): no shutdown hook, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Payara Micro exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(http().resolve("health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        process.destroyForcibly();
        throw new IOException("Payara Micro was not ready within " + timeout);
    }
}
