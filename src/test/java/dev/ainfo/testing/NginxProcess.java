package dev.ainfo.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Debian's nginx (which .ci/run installs) on a free loopback port, running the documented
 * configuration {@code docs/scale-out/nginx-ainfo.conf} with the test's upstream addresses.
 */
public final class NginxProcess implements AutoCloseable {

    public static final Path DOCUMENTED = Path.of("docs", "scale-out", "nginx-ainfo.conf");
    private static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final Pattern SERVERS = Pattern.compile("(?m)^(\\s*)server \\S+:\\d+( [^;]*)?;\\n");

    private final Process process;
    private final int port;
    private final Path dir;

    private NginxProcess(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static NginxProcess start(List<URI> instances) throws IOException {
        int port = RedisProcess.freePort();
        Path dir = Files.createTempDirectory("ainfo-nginx");
        Files.writeString(dir.resolve("ainfo.conf"), documented(instances, port));
        Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                "user " + System.getProperty("user.name") + ";",
                "daemon off;",
                "worker_processes 1;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " warn;",
                "events { worker_connections 4096; }",
                "http {",
                "  access_log " + dir.resolve("access.log") + ";",
                "  client_body_temp_path " + dir.resolve("body") + ";",
                "  proxy_temp_path " + dir.resolve("proxy") + ";",
                "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                "  scgi_temp_path " + dir.resolve("scgi") + ";",
                "  include " + dir.resolve("ainfo.conf") + ";",
                "}", ""));
        Process process = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        NginxProcess nginx = new NginxProcess(process, port, dir);
        nginx.awaitPort();
        return nginx;
    }

    /** The documented file with these upstreams, listening on loopback only. */
    static String documented(List<URI> instances, int port) throws IOException {
        String conf = Files.readString(DOCUMENTED);
        Matcher first = SERVERS.matcher(conf);
        if (!first.find()) {
            throw new IllegalStateException("no upstream servers in " + DOCUMENTED);
        }
        String indent = first.group(1);
        String options = first.group(2) == null ? "" : first.group(2);
        String servers = instances.stream().map(u -> indent + "server 127.0.0.1:" + u.getPort() + options + ";\n")
                .collect(Collectors.joining());
        conf = SERVERS.matcher(conf).replaceAll("");
        conf = conf.replaceFirst("(?m)^(\\s*upstream ainfo \\{\\n)", "$1" + Matcher.quoteReplacement(servers));
        String listen = conf.replaceFirst("(?m)^(\\s*)listen 80;", "$1listen 127.0.0.1:" + port + ";");
        if (listen.equals(conf)) {
            throw new IllegalStateException("no 'listen 80;' in " + DOCUMENTED);
        }
        return listen;
    }

    public URI http() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public Path logDir() {
        return dir;
    }

    private void awaitPort() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited: " + Files.readString(dir.resolve("stdout.log"))
                        + (Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : ""));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
        throw new IOException("nginx did not listen on " + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
