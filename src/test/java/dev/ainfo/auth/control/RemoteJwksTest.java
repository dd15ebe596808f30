package dev.ainfo.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import dev.ainfo.testing.TestKeys;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A JWKS URL: fetched once and cached, fetched again for a key id it does not know (a rotation). */
class RemoteJwksTest {

    HttpServer server;
    final AtomicReference<JWKSet> served = new AtomicReference<>();
    final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
    }

    @Test
    void aRotatedKeyIsFetchedWithoutARestart() throws Exception {
        served.set(new JWKSet(TestKeys.RSA.toPublicJWK()));
        TokenVerifier verifier = TokenVerifierTest.verifier(Optional.empty(), Optional.of(url()), "RS256", Optional.empty());
        assertEquals(Optional.empty(), verifier.problem());
        assertEquals("alice", verifier.verify(TestKeys.token("alice")).userId());
        assertEquals("bob", verifier.verify(TestKeys.token("bob")).userId());
        assertEquals(1, fetches.get(), "the JWKS is cached");

        RSAKey rotated = new RSAKeyGenerator(2048).keyID("rotated").generate();
        served.set(new JWKSet(List.of(rotated.toPublicJWK(), TestKeys.RSA.toPublicJWK())));
        String token = TestKeys.sign(TestKeys.claims("carol", Instant.now(), Duration.ofHours(1)).build(), rotated);
        assertEquals("carol", verifier.verify(token).userId());
        assertEquals(2, fetches.get());
        assertEquals("alice", verifier.verify(TestKeys.token("alice")).userId(), "the old key still counts while served");
        assertThrows(InvalidToken.class, () -> verifier.verify(TestKeys.sign(
                TestKeys.claims("mallory", Instant.now(), Duration.ofHours(1)).build(), TestKeys.OTHER_RSA)));
    }

    @Test
    void anUnreachableJwksMakesAProblemNotJustRefusals() {
        String gone = url();
        server.stop(0);
        TokenVerifier verifier = TokenVerifierTest.verifier(Optional.empty(), Optional.of(gone), "RS256", Optional.empty());
        assertTrue(verifier.problem().orElseThrow().contains(gone), verifier.problem().toString());
        assertThrows(InvalidToken.class, () -> verifier.verify(TestKeys.token("alice")));
    }
}
