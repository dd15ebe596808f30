package dev.ainfo.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DevIssuerConfigSourceTest {

    /**
     * SmallRye Config asks every source for its names while it builds the Config; a source that asked
     * the Config back recursed until the stack overflowed (WildFly). No Config exists in a unit test,
     * so any look-up here would fail.
     */
    @Test
    void namesAreAnsweredWithoutAskingTheConfig() {
        assertEquals(Set.of("mp.jwt.verify.publickey", "mp.jwt.verify.issuer"), new DevIssuerConfigSource().getPropertyNames());
    }

    @Test
    void otherKeysAreNeverLookedUp() {
        assertNull(new DevIssuerConfigSource().getValue("mp.config.profile"));
    }
}
