package dev.ainfo.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The keys tokens are checked against, from the MicroProfile JWT settings: an inline PEM, JWK or
 * JWKS ({@code mp.jwt.verify.publickey}), or a location holding one
 * ({@code mp.jwt.verify.publickey.location}): a plain path, a {@code file:} or {@code classpath:}
 * URL, or an http(s) JWKS URL. A plain path that is no file is looked up on the class path, as
 * MicroProfile JWT implementations do.
 */
final class VerificationKeys {

    /** How long fetched JWKS keys are used before they are fetched again. */
    static final Duration JWKS_TTL = Duration.ofMinutes(5);
    private static final int HTTP_TIMEOUT_MILLIS = 5_000;
    private static final int JWKS_SIZE_LIMIT = 512 * 1024;

    /** The selector for verification, and the remote JWKS (if any) for readiness probes. */
    record Keys(JWSKeySelector<SecurityContext> selector, JWKSource<SecurityContext> remote, String where) {

        /** Empty when keys are at hand; otherwise why not. Fetches a remote JWKS (cached). */
        Optional<String> problem() {
            if (remote == null) {
                return Optional.empty();
            }
            try {
                boolean none = remote.get(new JWKSelector(new JWKMatcher.Builder().build()), null).isEmpty();
                return none ? Optional.of("the JWKS at " + where + " holds no keys") : Optional.empty();
            } catch (KeySourceException | RuntimeException e) {
                return Optional.of("cannot fetch the JWKS at " + where + ": " + e.getMessage());
            }
        }
    }

    private VerificationKeys() {
    }

    static Keys read(Optional<String> inline, Optional<String> location, Set<JWSAlgorithm> accepted) throws IOException {
        if (inline.isPresent() && !inline.get().isBlank()) {
            return new Keys(local(parse(inline.get()), accepted), null, "mp.jwt.verify.publickey");
        }
        String where = location.map(String::strip).filter(l -> !l.isEmpty())
                .orElseThrow(() -> new IOException("neither mp.jwt.verify.publickey nor mp.jwt.verify.publickey.location is set"));
        if (where.startsWith("http://") || where.startsWith("https://")) {
            // Cached for JWKS_TTL, refreshed ahead of expiry and when a token names an unknown key id
            // (so a key rotation needs no restart), rate-limited, retried once on a network fault.
            JWKSource<SecurityContext> remote = JWKSourceBuilder.<SecurityContext>create(URI.create(where).toURL(),
                            new DefaultResourceRetriever(HTTP_TIMEOUT_MILLIS, HTTP_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT))
                    .cache(JWKS_TTL.toMillis(), HTTP_TIMEOUT_MILLIS * 3L)
                    .retrying(true)
                    .build();
            return new Keys(new JWSVerificationKeySelector<>(accepted, remote), remote, where);
        }
        return new Keys(local(parse(readLocation(where)), accepted), null, where);
    }

    static String readLocation(String where) throws IOException {
        if (where.startsWith("classpath:")) {
            return classpath(where.substring("classpath:".length()));
        }
        Path path;
        try {
            path = where.startsWith("file:") ? Path.of(URI.create(where)) : Path.of(where);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a path or file: URL: " + where, e);
        }
        if (!where.startsWith("file:") && !Files.exists(path)) {
            return classpath(where);
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    private static String classpath(String resource) throws IOException {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = VerificationKeys.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no file and no class path resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A JWKS is matched by key id; a single key without one (a PEM) is used for whichever accepted
     * algorithm fits its type.
     */
    private static JWSKeySelector<SecurityContext> local(JWKSet keys, Set<JWSAlgorithm> accepted) throws IOException {
        if (keys.getKeys().isEmpty()) {
            throw new IOException("the configured JWKS holds no keys");
        }
        if (keys.getKeys().size() > 1 || keys.getKeys().get(0).getKeyID() != null) {
            return new JWSVerificationKeySelector<>(accepted, new ImmutableJWKSet<>(keys));
        }
        JWK key = keys.getKeys().get(0);
        JWSAlgorithm algorithm = key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
        if (!accepted.contains(algorithm)) {
            throw new IOException("the configured key is for " + algorithm + ", which is not accepted");
        }
        try {
            PublicKey publicKey = key instanceof RSAKey rsa ? rsa.toPublicKey() : ((ECKey) key).toPublicKey();
            return new SingleKeyJWSKeySelector<>(algorithm, publicKey);
        } catch (JOSEException | ClassCastException e) {
            throw new IOException("unusable verification key: " + e.getMessage(), e);
        }
    }

    /** Reads an X.509 SubjectPublicKeyInfo PEM with the JDK alone (nimbus would need BouncyCastle). */
    static JWK publicKey(String pem) throws GeneralSecurityException {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(body));
        try {
            return new RSAKey.Builder((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec)).build();
        } catch (InvalidKeySpecException notRsa) {
            ECPublicKey ec = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec);
            return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
        }
    }

    static JWKSet parse(String text) throws IOException {
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("{")) {
                return trimmed.contains("\"keys\"") ? JWKSet.parse(trimmed) : new JWKSet(JWK.parse(trimmed));
            }
            // A PEM public key, or (as MicroProfile allows) its bare base64 body.
            return new JWKSet(publicKey(trimmed));
        } catch (ParseException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IOException("unreadable verification key: " + e.getMessage(), e);
        }
    }
}
