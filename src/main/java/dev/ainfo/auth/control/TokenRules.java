package dev.ainfo.auth.control;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The claims every access token must satisfy, on REST and on the socket alike:
 * <ul>
 * <li>{@code iss} present, and equal to {@code mp.jwt.verify.issuer} when that is set;</li>
 * <li>{@code exp} present and not passed, {@code iat} present and not in the future, {@code nbf} (if
 * present) not in the future, each with {@code mp.jwt.verify.clock.skew} seconds of tolerance;</li>
 * <li>{@code aud} present and naming one of {@code mp.jwt.verify.audiences} when that is set;</li>
 * <li>a user: {@code sub}, else {@code upn}, else {@code preferred_username}, not blank. A
 * {@code sub}, {@code upn} or {@code preferred_username} that is present but blank (or not a string)
 * refuses the token rather than being skipped.</li>
 * </ul>
 * {@code jti} and {@code groups} are optional: nothing here tracks token ids, and no groups means no
 * role beyond a signed-in user.
 */
final class TokenRules extends DefaultJWTClaimsVerifier<SecurityContext> {

    static final Set<String> REQUIRED = Set.of("iss", "exp", "iat");

    private final int skewSeconds;

    TokenRules(Optional<String> issuer, Set<String> audiences, int skewSeconds) {
        super(audiences, exactIssuer(issuer), REQUIRED, null);
        this.skewSeconds = skewSeconds;
        setMaxClockSkew(skewSeconds);
    }

    private static JWTClaimsSet exactIssuer(Optional<String> issuer) {
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        issuer.map(String::strip).filter(i -> !i.isEmpty()).ifPresent(exact::issuer);
        return exact.build();
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        super.verify(claims, context);
        Date issuedAt = claims.getIssueTime();
        if (issuedAt != null && issuedAt.getTime() > currentTime().getTime() + skewSeconds * 1000L) {
            throw new BadJWTException("JWT issue time is in the future");
        }
        userOf(claims);
    }

    /** The user the token names; see the class comment for the order and the blank rule. */
    static String userOf(JWTClaimsSet claims) throws BadJWTException {
        String user = null;
        for (String name : List.of("sub", "upn", "preferred_username")) {
            Object value = claims.getClaim(name);
            if (value == null) {
                continue;
            }
            if (!(value instanceof String text) || text.isBlank()) {
                throw new BadJWTException("the " + name + " claim is blank or not a string");
            }
            if (user == null) {
                user = text;
            }
        }
        if (user == null) {
            throw new BadJWTException("the token names no user (sub, upn or preferred_username)");
        }
        return user;
    }
}
