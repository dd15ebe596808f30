package dev.ainfo.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
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
 * The one judge of access tokens: REST requests ({@code AuthenticatedCaller}) and socket handshakes
 * ({@code HandshakeCheck}) both ask it, so a token opens both or neither. It reads the standard
 * MicroProfile JWT keys; the claims it requires are listed in {@link TokenRules}. Only RS256 and
 * ES256 are accepted, so unsigned (alg=none) and HMAC tokens never pass.
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
    private volatile VerificationKeys.Keys keys;
    private volatile String configurationProblem;

    @PostConstruct
    void init() {
        try {
            keys = VerificationKeys.read(publicKey, publicKeyLocation, acceptedAlgorithms());
            processor = processor(keys);
        } catch (IOException | RuntimeException | LinkageError e) {
            // Every token is refused until this is fixed; readiness reports it (TokenKeysReadiness).
            configurationProblem = "the token verification keys cannot be read: " + e.getMessage();
            LOG.severe(configurationProblem);
        }
    }

    public Caller verify(String token) throws InvalidToken {
        if (token == null || token.isBlank()) {
            throw new InvalidToken("no token");
        }
        DefaultJWTProcessor<SecurityContext> current = processor;
        if (current == null) {
            throw new InvalidToken(configurationProblem);
        }
        try {
            JWTClaimsSet claims = current.process(token, null);
            return new Caller(TokenRules.userOf(claims), groupsOf(claims), claims.getExpirationTime().toInstant());
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw new InvalidToken(e.getMessage(), e);
        }
    }

    /**
     * Empty when tokens can be verified; otherwise why not: unreadable keys, or a JWKS URL that
     * cannot be fetched (probed through the same cache that verification uses).
     */
    public Optional<String> problem() {
        if (configurationProblem != null) {
            return Optional.of(configurationProblem);
        }
        return keys.problem();
    }

    /** Where the keys come from, for logs. */
    public String keySource() {
        return keys == null ? "nowhere" : keys.where();
    }

    private Set<JWSAlgorithm> acceptedAlgorithms() throws IOException {
        Set<JWSAlgorithm> accepted = Arrays.stream(algorithms.split(","))
                .map(String::strip).map(JWSAlgorithm::parse)
                .filter(ALLOWED::contains)
                .collect(Collectors.toSet());
        if (accepted.isEmpty()) {
            throw new IOException("mp.jwt.verify.publickey.algorithm allows neither RS256 nor ES256");
        }
        return accepted;
    }

    private DefaultJWTProcessor<SecurityContext> processor(VerificationKeys.Keys keys) {
        return processor(keys.selector(), issuer, CommaList.of(audiences), clockSkewSeconds);
    }

    static DefaultJWTProcessor<SecurityContext> processor(JWSKeySelector<SecurityContext> selector,
                                                          Optional<String> issuer, List<String> audiences, int skewSeconds) {
        DefaultJWTProcessor<SecurityContext> jwt = new DefaultJWTProcessor<>();
        jwt.setJWSKeySelector(selector);
        jwt.setJWTClaimsSetVerifier(new TokenRules(issuer, audiences.isEmpty() ? null : new HashSet<>(audiences), skewSeconds));
        return jwt;
    }

    /** A verifier for {@link TokenRehearsal}: the same checks, over keys and rules it was given. */
    static TokenVerifier over(DefaultJWTProcessor<SecurityContext> processor) {
        TokenVerifier verifier = new TokenVerifier();
        verifier.processor = processor;
        return verifier;
    }

    static Set<String> groupsOf(JWTClaimsSet claims) throws ParseException {
        List<String> groups = claims.getStringListClaim("groups");
        return groups == null ? Set.of() : Set.copyOf(groups);
    }
}
