package dev.ainfo.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ainfo.testing.TestKeys;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The one token matrix that REST and the socket must judge alike (ChatCoreIT runs it against both;
 * TokenVerifierTest against the verifier alone). Every token names the same user, who owns a room,
 * so an accepted token opens that room and a refused one opens nothing. Expects a deployment
 * configured with {@link TestKeys#config()} (issuer, audience, RS256 key, 30 s clock skew).
 */
public final class TokenMatrix {

    public record Case(String name, String token, boolean accepted) {
        @Override
        public String toString() {
            return name + (accepted ? " (accepted)" : " (refused)");
        }
    }

    private TokenMatrix() {
    }

    public static List<Case> cases(String user) {
        Instant now = Instant.now();
        JWTClaimsSet valid = TestKeys.claims(user, now, Duration.ofHours(1)).build();
        List<Case> cases = new ArrayList<>();
        cases.add(accept("valid", sign(valid)));
        cases.add(refuse("no token", ""));
        cases.add(refuse("not a JWT", "garbage"));
        cases.add(refuse("three empty parts", ".."));

        // claims missing, empty or blank
        cases.add(refuse("no iss", sign(with(valid, b -> b.issuer(null)))));
        cases.add(refuse("empty iss", sign(with(valid, b -> b.issuer("")))));
        cases.add(refuse("no exp", sign(with(valid, b -> b.expirationTime(null)))));
        cases.add(refuse("no iat", sign(with(valid, b -> b.issueTime(null)))));
        cases.add(refuse("no aud", sign(with(valid, b -> b.audience((String) null)))));
        cases.add(refuse("empty aud", sign(with(valid, b -> b.audience("")))));
        cases.add(accept("no sub, upn names the user", sign(with(valid, b -> b.subject(null)))));
        cases.add(accept("no upn, sub names the user", sign(with(valid, b -> b.claim("upn", null)))));
        cases.add(refuse("neither sub nor upn", sign(with(valid, b -> b.subject(null).claim("upn", null)))));
        cases.add(refuse("empty sub", sign(with(valid, b -> b.subject("")))));
        cases.add(refuse("blank sub", sign(with(valid, b -> b.subject("  ")))));
        cases.add(refuse("empty upn", sign(with(valid, b -> b.claim("upn", "")))));
        cases.add(accept("no jti", sign(with(valid, b -> b.jwtID(null)))));
        cases.add(accept("no groups", sign(with(valid, b -> b.claim("groups", null)))));
        cases.add(accept("aud among others", sign(with(valid, b -> b.audience(List.of("account", TestKeys.AUDIENCE))))));

        // time
        cases.add(refuse("expired", sign(TestKeys.claims(user, now.minus(Duration.ofHours(2)), Duration.ofHours(1)).build())));
        cases.add(refuse("expired beyond the skew", sign(with(valid, b -> b.expirationTime(Date.from(now.minusSeconds(60)))))));
        cases.add(accept("expired within the skew", sign(with(valid, b -> b.expirationTime(Date.from(now.minusSeconds(5)))))));
        cases.add(refuse("nbf in the future", sign(with(valid, b -> b.notBeforeTime(Date.from(now.plus(Duration.ofHours(1))))))));
        cases.add(refuse("iat in the future", sign(with(valid, b -> b.issueTime(Date.from(now.plus(Duration.ofHours(1))))))));
        cases.add(refuse("nbf and iat in the future", sign(TestKeys.claims(user, now.plus(Duration.ofHours(1)), Duration.ofHours(2))
                .notBeforeTime(Date.from(now.plus(Duration.ofHours(1)))).build())));
        cases.add(accept("iat within the skew", sign(with(valid, b -> b.issueTime(Date.from(now.plusSeconds(5)))))));

        // issuer, audience
        cases.add(refuse("wrong issuer", sign(with(valid, b -> b.issuer("https://evil.test/realms/ainfo")))));
        cases.add(refuse("issuer with a trailing slash", sign(with(valid, b -> b.issuer(TestKeys.ISSUER + "/")))));
        cases.add(refuse("wrong audience", sign(with(valid, b -> b.audience("another-service")))));

        // keys and algorithms
        cases.add(refuse("foreign key", TestKeys.sign(valid, TestKeys.OTHER_RSA)));
        cases.add(refuse("foreign EC key", TestKeys.signEs256(valid)));
        cases.add(refuse("alg=none", TestKeys.unsigned(valid)));
        cases.add(refuse("HS256 with the public key as secret", TestKeys.hs256WithPublicKey(valid)));
        cases.add(refuse("tampered claims", tamper(sign(valid), with(valid, b -> b.claim("groups", List.of("user", "admin"))))));

        // header tricks: each signed by an attacker's key that the header tries to make trusted
        RSAKey attacker = TestKeys.OTHER_RSA;
        cases.add(refuse("kid of the trusted key", signed(header().keyID(TestKeys.RSA.getKeyID()), valid, attacker)));
        cases.add(refuse("kid path traversal", signed(header().keyID("../../../../dev/null"), valid, attacker)));
        cases.add(refuse("jwk header with the attacker's key", signed(header().jwk(attacker.toPublicJWK()), valid, attacker)));
        cases.add(refuse("jku header to the attacker's JWKS",
                signed(header().jwkURL(URI.create("https://evil.test/jwks.json")).keyID(attacker.getKeyID()), valid, attacker)));
        cases.add(refuse("x5u header", signed(header().x509CertURL(URI.create("https://evil.test/cert.pem")), valid, attacker)));
        return cases;
    }

    private static Case accept(String name, String token) {
        return new Case(name, token, true);
    }

    private static Case refuse(String name, String token) {
        return new Case(name, token, false);
    }

    private static JWTClaimsSet with(JWTClaimsSet base, UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder(base)).build();
    }

    private static String sign(JWTClaimsSet claims) {
        return TestKeys.sign(claims, TestKeys.RSA);
    }

    private static JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
    }

    private static String signed(JWSHeader.Builder header, JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The valid token's header and signature around other claims. */
    private static String tamper(String token, JWTClaimsSet claims) {
        String[] parts = token.split("\\.");
        String body = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return parts[0] + "." + body + "." + parts[2];
    }
}
