package dev.ainfo.platform.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Signs development tokens that REST and WebSocket accept, while no real issuer is configured. */
@ApplicationScoped
public class DevIssuer {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    public static final Duration MAX_LIFETIME = Duration.ofDays(1);

    public boolean enabled() {
        return DevIssuerConfigSource.active();
    }

    public String issue(String user, boolean admin, Duration lifetime) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("user must be 1 to 64 letters, digits or . _ @ -");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("lifetime must be between 1 second and 1 day");
        }
        List<String> groups = new ArrayList<>(List.of("user"));
        if (admin) {
            groups.add("admin");
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(DevIssuerConfigSource.ISSUER)
                .subject(user)
                .claim("upn", user)
                .claim("groups", groups)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            DevKeys keys = DevKeys.at(DevIssuerConfigSource.dataDir());
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT).keyID(keys.key().getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(keys.key()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
