package dev.ainfo.platform.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.HandshakeResponse;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link TyrusHandshakeStatus} to the Tyrus of the Payara Micro the ITs run (6.2025.10): its
 * handshake response is an {@code UpgradeResponse} with {@code setStatus(int)} and mutable headers. If
 * that changes, refused handshakes on Payara would fall back to the 1008 close; this fails first.
 * (ChatCoreIT checks the statuses end to end.)
 */
class TyrusHandshakeStatusContractIT {

    @Test
    void tyrusHandshakeResponseIsAnUpgradeResponseWithASettableStatus() throws Exception {
        Path spi = PayaraRuntimeJars.copy("tyrus-spi.jar");
        Path core = PayaraRuntimeJars.copy("tyrus-core.jar");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {spi.toUri().toURL(), core.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> upgrade = Class.forName("org.glassfish.tyrus.spi.UpgradeResponse", false, loader);
            assertTrue(HandshakeResponse.class.isAssignableFrom(upgrade));
            Method setStatus = upgrade.getMethod("setStatus", int.class);
            assertEquals(void.class, setStatus.getReturnType());
            assertEquals(Map.class, upgrade.getMethod("getHeaders").getReturnType());
            Class<?> response = Class.forName("org.glassfish.tyrus.core.TyrusUpgradeResponse", true, loader);
            Object instance = response.getDeclaredConstructor().newInstance();
            setStatus.invoke(instance, 403);
            assertEquals(403, response.getMethod("getStatus").invoke(instance));
            @SuppressWarnings("unchecked")
            Map<String, List<String>> headers = (Map<String, List<String>>) upgrade.getMethod("getHeaders").invoke(instance);
            headers.put("WWW-Authenticate", List.of("Bearer"));
        } finally {
            Files.deleteIfExists(spi);
            Files.deleteIfExists(core);
        }
    }
}
