package dev.ainfo.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A throw-away PostgreSQL server on 127.0.0.1 for tests, from Debian's postgresql package (which
 * .ci/run installs). PostgreSQL refuses to run as root, so as root it runs as the postgres user.
 */
public final class PostgresProcess implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;

    private PostgresProcess(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The server binaries, if PostgreSQL is installed here. */
    public static Optional<Path> binaries() {
        File[] versions = new File("/usr/lib/postgresql").listFiles();
        if (versions == null) {
            return Optional.empty();
        }
        return Arrays.stream(versions).map(v -> v.toPath().resolve("bin"))
                .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                .sorted().reduce((a, b) -> b);
    }

    public static PostgresProcess start() {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed"));
        try {
            Path dir = Files.createTempDirectory("ainfo-pg");
            PostgresProcess pg = new PostgresProcess(bin, dir, RedisProcess.freePort());
            pg.run(List.of("chown", "-R", "postgres", dir.toString()), false);
            pg.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                    "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"), true);
            pg.run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w",
                    "-l", dir.resolve("server.log").toString(), "-o",
                    "-p " + pg.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), true);
            return pg;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "stop"), true);
        } catch (IOException | IllegalStateException e) {
            System.err.println("could not stop PostgreSQL: " + e);
        }
    }

    private void run(List<String> command, boolean asPostgres) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres && "root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        } else if (!asPostgres && !"root".equals(System.getProperty("user.name"))) {
            return; // chown is only needed when the server runs as another user
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(dir.resolve("commands.log").toFile()).start();
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed; see " + dir.resolve("commands.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
