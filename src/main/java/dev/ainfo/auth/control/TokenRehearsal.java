package dev.ainfo.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ainfo.auth.entity.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * A handshake's token check, rehearsed by the warm-up: a token signed with a throwaway key, checked
 * by a {@link TokenVerifier} with the real rules over that key alone. A fresh instance verified its
 * first handshakes interpreted (RSA and JSON parsing), which put a cold handshake's median near a
 * second under load. Real tokens are never accepted by it: the key exists only in this object.
 */
public final class TokenRehearsal {

    static final String ISSUER = "ainfo-warmup";

    private final TokenVerifier verifier;
    private final String token;

    private TokenRehearsal(TokenVerifier verifier, String token) {
        this.verifier = verifier;
        this.token = token;
    }

    /** A new throwaway key and a token that stays valid for {@code validFor}. */
    public static TokenRehearsal create(Duration validFor) throws JOSEException {
        RSAKey key = new RSAKeyGenerator(2048).keyID(ISSUER).generate();
        var selector = new JWSVerificationKeySelector<SecurityContext>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())));
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).subject("warmup").audience(ISSUER)
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(validFor)))
                        .claim("groups", List.of("user")).build());
        jwt.sign(new RSASSASigner(key));
        TokenVerifier verifier = TokenVerifier.over(TokenVerifier.processor(selector, Optional.of(ISSUER), List.of(ISSUER), 30));
        return new TokenRehearsal(verifier, jwt.serialize());
    }

    String token() {
        return token;
    }

    /** One verification, as a handshake or a REST call makes it. */
    public Caller verifyOnce() throws InvalidToken {
        return verifier.verify(token);
    }
}
