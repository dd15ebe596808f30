package dev.ainfo.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class ServersTest {

    @Test
    void tyrusOnTheClassPathMeansPayarasSpecifics() {
        // tyrus-spi is a provided dependency, so the test class path looks like Payara's.
        assertEquals("dev.ainfo.platform.payara.PayaraSpecifics",
                Servers.detect(getClass().getClassLoader()).getClass().getName());
    }

    @Test
    void neitherServerMeansTheStandardApisOnly() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertSame(ServerSpecifics.STANDARD, Servers.detect(bare));
        }
    }
}
