package dev.ainfo.platform.wildfly;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.Filter;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins what the WAR assumes of WildFly 39 (checked on 39.0.1.Final) to the distribution the ITs unpack;
 * runs in the Failsafe execution "wildfly", reads files and starts no server. ChatCoreIT checks the
 * behaviour end to end (401/403 before the upgrade).
 */
class WildFlyContractIT {

    private final Path home = Path.of(System.getProperty("wildfly.home", "target/wildfly-39.0.1.Final"));

    /** {@link HandshakeRefusalFilter} can refuse first only because Undertow upgrades in a servlet filter. */
    @Test
    void undertowUpgradesWebSocketsInAServletFilter() throws Exception {
        Path jar = only("io/undertow/websocket/main", "undertow-websockets-jsr-");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> upgrade = Class.forName("io.undertow.websockets.jsr.JsrWebSocketFilter", false, loader);
            assertTrue(Filter.class.isAssignableFrom(upgrade));
        }
    }

    /** {@code Servers} recognises WildFly by its deployment class loader. */
    @Test
    void deploymentsAreLoadedByJBossModules() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {home.resolve("jboss-modules.jar").toUri().toURL()}, null)) {
            assertTrue(ClassLoader.class.isAssignableFrom(Class.forName("org.jboss.modules.ModuleClassLoader", false, loader)));
        }
    }

    /** configure.cli names WildFly's EclipseLink archive factory; eclipselink-module.cli adds its jar. */
    @Test
    void theEclipseLinkIntegrationJarHasTheArchiveFactory() throws Exception {
        Path jar = only("org/eclipse/persistence/main", "jipijapa-eclipselink-");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertTrue(loader.getResource("org/jipijapa/eclipselink/JBossArchiveFactoryImpl.class") != null);
        }
    }

    private Path only(String module, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("modules/system/layers/base").resolve(module))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("WildFly no longer ships " + prefix + "*.jar in " + module));
        }
    }
}
