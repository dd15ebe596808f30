package dev.ainfo.auth.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginsTest {

    static HandshakeCheck check(String allowed) {
        HandshakeCheck check = new HandshakeCheck();
        check.allowedOrigins = Optional.ofNullable(allowed);
        return check;
    }

    @Test
    void byDefaultOnlyThePagesOwnOriginMayOpenASocket() {
        HandshakeCheck check = check(null);
        assertTrue(check.originAllowed("http://127.0.0.1:8080", "127.0.0.1:8080"));
        assertTrue(check.originAllowed("https://chat.example.org", "chat.example.org"));
        assertTrue(check.originAllowed("https://chat.example.org:443", "CHAT.example.org"));
        assertTrue(check.originAllowed("https://chat.example.org:8443", "chat.example.org"), "a proxy's $host has no port");
        assertFalse(check.originAllowed("https://chat.example.org:8443", "chat.example.org:443"));
        assertFalse(check.originAllowed("http://evil.example", "127.0.0.1:8080"));
        assertFalse(check.originAllowed("http://evil.example", "127.0.0.1"));
        assertFalse(check.originAllowed("http://127.0.0.1:9999", "127.0.0.1:8080"));
        assertFalse(check.originAllowed("http://chat.example.org.evil.example", "chat.example.org"));
        assertFalse(check.originAllowed("null", "127.0.0.1:8080"));
        assertFalse(check.originAllowed("http://127.0.0.1:8080", null));
        assertFalse(check.originAllowed("http://user@127.0.0.1:8080", "127.0.0.1:8080"));
        assertFalse(check.originAllowed("not a url", "127.0.0.1:8080"));
    }

    @Test
    void clientsWithoutAnOriginAreLeftToTheirToken() {
        assertTrue(check(null).originAllowed(null, "127.0.0.1:8080"));
        assertTrue(check("https://app.example").originAllowed(null, "127.0.0.1:8080"));
    }

    @Test
    void listedOriginsReplaceTheDefault() {
        HandshakeCheck check = check("https://app.example, http://localhost:3000");
        assertTrue(check.originAllowed("https://app.example", "api.example"));
        assertTrue(check.originAllowed("https://app.example:443", "api.example"));
        assertTrue(check.originAllowed("http://localhost:3000", "api.example"));
        assertFalse(check.originAllowed("http://app.example", "api.example"));
        assertFalse(check.originAllowed("https://api.example", "api.example"));
        assertTrue(check("*").originAllowed("http://anything.example", "api.example"));
    }
}
