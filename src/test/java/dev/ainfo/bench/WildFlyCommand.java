package dev.ainfo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The java command of a WildFly 39 standalone server for the benchmark, as bin/standalone.sh builds it
 * but without the shell in between (so the benchmark's /proc and jcmd readings are WildFly's own JVM).
 * The server gets its own copy of standalone/ under the run's directory, with the WAR in its deployments,
 * its listeners on 127.0.0.1 and on the given ports. The distribution must have been set up by
 * wildfly-config/install.sh (the bench profile does it).
 */
final class WildFlyCommand {

    /** What bin/common.sh adds on JDK 17 (read off the running server's command line). */
    private static final List<String> MODULAR_JDK = List.of(
            "--add-exports=java.desktop/sun.awt=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.url.ldap=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.url.ldaps=ALL-UNNAMED",
            "--add-exports=jdk.naming.dns/com.sun.jndi.dns=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.security=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.management/javax.management=ALL-UNNAMED",
            "--add-opens=java.naming/javax.naming=ALL-UNNAMED",
            "--add-modules=java.se");

    private WildFlyCommand() {
    }

    static List<String> build(Path home, Path war, Path baseDir, int httpPort, int managementPort, int httpsPort,
                              List<String> jvmOptions, Map<String, String> config) {
        if (!Files.exists(home.resolve(".ainfo-configured"))) {
            throw new IllegalStateException(home + " is not set up: run wildfly-config/install.sh on it (the bench profile does)");
        }
        copyStandalone(home.resolve("standalone"), baseDir);
        try {
            Files.copy(war, baseDir.resolve("deployments").resolve("ainfo.war"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-D[Standalone]");
        command.addAll(jvmOptions);
        new TreeMap<>(config).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.http.port=" + httpPort, "-Djboss.https.port=" + httpsPort,
                "-Djboss.management.http.port=" + managementPort,
                // a loaded shared machine can take longer than WildFly's 300 s to deploy
                "-Djboss.as.management.blocking.timeout=900"));
        command.addAll(MODULAR_JDK);
        command.addAll(List.of("-Djboss.home.dir=" + home, "-Djboss.server.base.dir=" + baseDir,
                "-Dlogging.configuration=file:" + baseDir.resolve("configuration/logging.properties"),
                "-jar", home.resolve("jboss-modules.jar").toString(), "-mp", home.resolve("modules").toString(),
                "org.jboss.as.standalone", "-c=standalone.xml"));
        return command;
    }

    /** configuration/ and an empty deployments/; data, log and tmp are made by the server. */
    private static void copyStandalone(Path standalone, Path baseDir) {
        try (Stream<Path> files = Files.walk(standalone.resolve("configuration"))) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = baseDir.resolve(standalone.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!from.getFileName().toString().startsWith("standalone_xml_history")) {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.createDirectories(baseDir.resolve("deployments"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
