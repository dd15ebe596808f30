package dev.ainfo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's JVM defaults as the Java start paths read them (PayaraProcess, the load benchmark):
 * {@code payara-config/jvm.options}, {@code jvm25.options}, {@code jvm.env} and {@code jdk.preferred}, the same files
 * {@code payara-config/java} reads. Paths are relative to the project directory, where Maven runs tests.
 */
public final class JvmDefaults {

    private JvmDefaults() {
    }

    static Path dir() {
        return Path.of(System.getProperty("ainfo.config.dir", "payara-config"));
    }

    /** The options of jvm.options, in order. */
    public static List<String> options() {
        return lines(dir().resolve("jvm.options"));
    }

    /** The options for a server on {@code javaHome}: jvm.options, then jvm25.options if that JDK is 25 or later. */
    public static List<String> options(Path javaHome) {
        List<String> options = new java.util.ArrayList<>(options());
        if (majorVersion(javaHome) >= 25) {
            options.addAll(lines(dir().resolve("jvm25.options")));
        }
        return options;
    }

    /** The feature version in the JDK's {@code release} file (JAVA_VERSION="25.0.1" is 25); 0 if unknown. */
    static int majorVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.exists(release)) {
            return 0;
        }
        try {
            return Files.readAllLines(release).stream().filter(line -> line.startsWith("JAVA_VERSION=\""))
                    .map(line -> line.substring("JAVA_VERSION=\"".length()).split("[.\"]")[0])
                    .map(Integer::parseInt).findFirst().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variables of jvm.env, in order. */
    public static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String pair : lines(dir().resolve("jvm.env"))) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("jvm.env: not KEY=VALUE: " + pair);
            }
            environment.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return environment;
    }

    /** The environment of jvm.env for a child process: a variable already set is kept, as in payara-config/java. */
    public static void applyEnvironment(ProcessBuilder builder) {
        environment().forEach(builder.environment()::putIfAbsent);
    }

    /**
     * The JDK payara-config/java would pick: $AINFO_JAVA_HOME, the first existing home of
     * jdk.preferred, else the JDK running this code.
     */
    public static Path javaHome() {
        String configured = System.getenv("AINFO_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return lines(dir().resolve("jdk.preferred")).stream().map(Path::of)
                .filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                .findFirst().orElse(Path.of(System.getProperty("java.home")));
    }

    /** Non-blank lines without comments ('#' to the end of the line) and surrounding blanks; none if the file is missing. */
    static List<String> lines(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().map(line -> line.replaceAll("#.*", "").strip())
                    .filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
