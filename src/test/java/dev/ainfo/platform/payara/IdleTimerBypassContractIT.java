package dev.ainfo.platform.payara;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link IdleTimerBypass} to the Tyrus that the Payara Micro of the ITs ships: if an upgrade
 * renames the session's scheduler field, the bypass would quietly stay off (and the per-frame cost
 * come back), so this fails instead. No container is started (so there is no --nohazelcast
 * --disablephonehome to pass): the class is read from the jar.
 */
class IdleTimerBypassContractIT {

    @Test
    void theShippedTyrusSessionHasTheSchedulerFieldTheBypassReplaces() throws Exception {
        Path micro = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
        Path tyrus = Files.createTempFile("tyrus-core", ".jar");
        try (ZipFile jar = new ZipFile(micro.toFile())) {
            ZipEntry core = jar.getEntry("MICRO-INF/runtime/tyrus-core.jar");
            assertNotNull(core, "Payara Micro ships tyrus-core.jar");
            try (InputStream in = jar.getInputStream(core)) {
                Files.copy(in, tyrus, StandardCopyOption.REPLACE_EXISTING);
            }
            try (URLClassLoader loader = new URLClassLoader(new URL[] {tyrus.toUri().toURL()}, getClass().getClassLoader())) {
                Class<?> session = Class.forName("org.glassfish.tyrus.core.TyrusSession", false, loader);
                Field field = IdleTimerBypass.schedulerField(session);
                assertNotNull(field, "TyrusSession keeps its idle-timer scheduler in a field named service");
            }
        } finally {
            Files.deleteIfExists(tyrus);
        }
    }
}
