package dev.ainfo.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.ainfo.auth.entity.Caller;
import dev.ainfo.platform.control.CommaList;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies access tokens for the WebSocket handshake with the MicroProfile JWT settings the REST
 * API uses. Only RS256 and ES256 are accepted, so unsigned (alg=none) and HMAC tokens never pass.
 */
@ApplicationScoped
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());
    private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> publicKey;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.algorithm", defaultValue = "RS256")
    String algorithms;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "30")
    int clockSkewSeconds;

    private volatile DefaultJWTProcessor<SecurityContext> processor;

    @PostConstruct
    void init() {
        try {
            processor = processor();
        } catch (IOException | RuntimeException | LinkageError e) {
            // Every handshake is refused until the keys can be read; the log says why.
            LOG.severe("token verification is not configured: " + e.getMessage());
        }
    }

    public Caller verify(String token) throws InvalidToken {
        if (token == null || token.isBlank()) {
            throw new InvalidToken("no token");
        }
        DefaultJWTProcessor<SecurityContext> current = processor;
        if (current == null) {
            throw new InvalidToken("token verification is not configured");
        }
        try {
            JWTClaimsSet claims = current.process(token, null);
            return new Caller(userOf(claims), groupsOf(claims), claims.getExpirationTime().toInstant());
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw new InvalidToken(e.getMessage(), e);
        }
    }

    private DefaultJWTProcessor<SecurityContext> processor() throws IOException {
        Set<JWSAlgorithm> accepted = Arrays.stream(algorithms.split(","))
                .map(String::strip).map(JWSAlgorithm::parse)
                .filter(ALLOWED::contains)
                .collect(Collectors.toSet());
        if (accepted.isEmpty()) {
            throw new IOException("mp.jwt.verify.publickey.algorithm allows neither RS256 nor ES256");
        }
        DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
        jwt.setJWSKeySelector(VerificationKeys.selector(publicKey, publicKeyLocation, accepted));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        issuer.filter(i -> !i.isBlank()).ifPresent(exact::issuer);
        List<String> audienceList = CommaList.of(audiences);
        Set<String> acceptedAudiences = audienceList.isEmpty() ? null : new HashSet<>(audienceList);
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                acceptedAudiences, exact.build(), Set.of("exp"), null);
        claims.setMaxClockSkew(clockSkewSeconds);
        jwt.setJWTClaimsSetVerifier(claims);
        return jwt;
    }

    static String userOf(JWTClaimsSet claims) throws ParseException {
        for (String name : List.of("sub", "upn", "preferred_username")) {
            String value = claims.getStringClaim(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new ParseException("the token names no user (sub, upn or preferred_username)", 0);
    }

    static Set<String> groupsOf(JWTClaimsSet claims) throws ParseException {
        List<String> groups = claims.getStringListClaim("groups");
        return groups == null ? Set.of() : Set.copyOf(groups);
    }
}
