package dev.ainfo.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.ainfo.auth.entity.Caller;
import dev.ainfo.testing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import dev.ainfo.auth.TokenMatrix;
import java.util.List;

class TokenVerifierTest {

    static TokenVerifier verifier(Optional<String> inline, Optional<String> location, String algorithms, Optional<String> audiences) {
        TokenVerifier verifier = new TokenVerifier();
        verifier.publicKey = inline;
        verifier.publicKeyLocation = location;
        verifier.algorithms = algorithms;
        verifier.issuer = Optional.of(TestKeys.ISSUER);
        verifier.audiences = audiences;
        verifier.clockSkewSeconds = 30;
        verifier.init();
        return verifier;
    }

    static TokenVerifier pem() {
        return verifier(Optional.of(TestKeys.publicPem(TestKeys.RSA)), Optional.empty(), "RS256", Optional.empty());
    }

    @Test
    void aValidTokenNamesItsCaller() throws InvalidToken {
        Caller caller = pem().verify(TestKeys.adminToken("alice"));
        assertEquals("alice", caller.userId());
        assertEquals(Set.of("user", "admin"), caller.groups());
    }

    @Test
    void theUserFallsBackToUpnThenPreferredUsername() throws InvalidToken {
        JWTClaimsSet upnOnly = new JWTClaimsSet.Builder(TestKeys.claims("x", Instant.now(), Duration.ofHours(1)).build())
                .subject(null).claim("upn", "bob").build();
        assertEquals("bob", pem().verify(TestKeys.sign(upnOnly, TestKeys.RSA)).userId());
        JWTClaimsSet preferred = new JWTClaimsSet.Builder(upnOnly).claim("upn", null).claim("preferred_username", "carol").build();
        assertEquals("carol", pem().verify(TestKeys.sign(preferred, TestKeys.RSA)).userId());
    }

    @Test
    void attacksAreRefused() {
        Instant now = Instant.now();
        JWTClaimsSet valid = TestKeys.claims("alice", now, Duration.ofHours(1)).build();
        TokenVerifier verifier = pem();
        for (String token : new String[] {
                null, "", "garbage", "a.b.c",
                TestKeys.unsigned(valid),
                TestKeys.hs256WithPublicKey(valid),
                TestKeys.sign(valid, TestKeys.OTHER_RSA),
                TestKeys.signEs256(valid),
                TestKeys.sign(TestKeys.claims("alice", now.minusSeconds(7200), Duration.ofHours(1)).build(), TestKeys.RSA),
                TestKeys.sign(TestKeys.claims("alice", now, Duration.ofHours(1)).notBeforeTime(Date.from(now.plusSeconds(600))).build(), TestKeys.RSA),
                TestKeys.sign(TestKeys.claims("alice", now, Duration.ofHours(1)).issuer("https://evil.test").build(), TestKeys.RSA),
                TestKeys.sign(new JWTClaimsSet.Builder(valid).expirationTime(null).build(), TestKeys.RSA)}) {
            assertThrows(InvalidToken.class, () -> verifier.verify(token), String.valueOf(token));
        }
    }

    @Test
    void audiencesAreEnforcedWhenConfigured() throws InvalidToken {
        TokenVerifier verifier = verifier(Optional.of(TestKeys.publicPem(TestKeys.RSA)), Optional.empty(), "RS256", Optional.of("ainfo, other"));
        JWTClaimsSet base = TestKeys.claims("alice", Instant.now(), Duration.ofHours(1)).audience((String) null).build();
        assertEquals("alice", verifier.verify(TestKeys.sign(new JWTClaimsSet.Builder(base).audience("ainfo").build(), TestKeys.RSA)).userId());
        assertThrows(InvalidToken.class, () -> verifier.verify(TestKeys.sign(new JWTClaimsSet.Builder(base).audience("elsewhere").build(), TestKeys.RSA)));
        assertThrows(InvalidToken.class, () -> verifier.verify(TestKeys.sign(base, TestKeys.RSA)));
    }

    @Test
    void keysComeFromAJwksFileByKeyIdAndEs256CanBeAllowed() throws Exception {
        Path jwks = Files.createTempFile("jwks", ".json");
        Files.writeString(jwks, new JWKSet(java.util.List.of(TestKeys.RSA.toPublicJWK(), TestKeys.EC.toPublicJWK())).toString());
        TokenVerifier verifier = verifier(Optional.empty(), Optional.of(jwks.toUri().toString()), "RS256,ES256", Optional.empty());
        JWTClaimsSet claims = TestKeys.claims("alice", Instant.now(), Duration.ofHours(1)).build();
        assertEquals("alice", verifier.verify(TestKeys.sign(claims, TestKeys.RSA)).userId());
        assertThrows(InvalidToken.class, () -> verifier.verify(TestKeys.sign(claims, TestKeys.OTHER_RSA)));
        assertThrows(InvalidToken.class, () -> verifier.verify(TestKeys.hs256WithPublicKey(claims)));
    }

    @Test
    void withoutKeysEveryTokenIsRefusedAndTheProblemIsReported() {
        TokenVerifier verifier = verifier(Optional.empty(), Optional.empty(), "RS256", Optional.empty());
        assertThrows(InvalidToken.class, () -> verifier.verify(TestKeys.token("alice")));
        assertTrue(verifier.problem().orElseThrow().contains("mp.jwt.verify.publickey"), verifier.problem().toString());
    }

    @Test
    void anUnreadableKeyIsReportedNotJustRefused() throws Exception {
        Path garbage = Files.createTempFile("key", ".pem");
        Files.writeString(garbage, "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n");
        for (String location : List.of(garbage.toString(), "/nonexistent/public.pem", "file:/nonexistent/public.pem",
                "classpath:nonexistent.pem", "file:relative")) {
            TokenVerifier verifier = verifier(Optional.empty(), Optional.of(location), "RS256", Optional.empty());
            assertTrue(verifier.problem().isPresent(), location);
            assertThrows(InvalidToken.class, () -> verifier.verify(TestKeys.token("alice")), location);
        }
    }

    @Test
    void theMatrixOfTokensIsJudgedAsTheContractSays() {
        TokenVerifier verifier = verifier(Optional.of(TestKeys.publicPem(TestKeys.RSA)), Optional.empty(), "RS256",
                Optional.of(TestKeys.AUDIENCE));
        for (TokenMatrix.Case c : TokenMatrix.cases("alice")) {
            if (c.accepted()) {
                assertDoesNotThrow(() -> assertEquals("alice", verifier.verify(c.token()).userId()), c.name());
            } else {
                assertThrows(InvalidToken.class, () -> verifier.verify(c.token()), c.name());
            }
        }
    }

    @Test
    void everyKeyLocationFormIsRead() throws Exception {
        Path pem = Files.createTempFile("public", ".pem");
        Files.writeString(pem, TestKeys.publicPem(TestKeys.RSA));
        Path classes = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        Path onClassPath = classes.resolve("token-verifier-test.pem");
        Files.writeString(onClassPath, TestKeys.publicPem(TestKeys.RSA));
        String token = TestKeys.token("alice");
        for (String location : List.of(pem.toString(), pem.toUri().toString(), "classpath:token-verifier-test.pem",
                "classpath:/token-verifier-test.pem", "token-verifier-test.pem")) {
            TokenVerifier verifier = verifier(Optional.empty(), Optional.of(location), "RS256", Optional.empty());
            assertEquals(Optional.empty(), verifier.problem(), location);
            assertEquals("alice", verifier.verify(token).userId(), location);
            assertThrows(InvalidToken.class, () -> verifier.verify(TestKeys.sign(
                    TestKeys.claims("alice", Instant.now(), Duration.ofHours(1)).build(), TestKeys.OTHER_RSA)), location);
        }
    }
}
