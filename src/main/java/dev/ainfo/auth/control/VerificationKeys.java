package dev.ainfo.auth.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import java.util.Set;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * The keys tokens are checked against, read from the same MicroProfile JWT keys as the REST API:
 * an inline PEM, JWK or JWKS, or a location (file, file: URL, http(s) URL) holding one.
 */
final class VerificationKeys {

    private VerificationKeys() {
    }

    /**
     * A key selector for the configured keys. A JWKS (inline, file or URL) is matched by key id; a
     * single PEM key has none, so it is used for whichever accepted algorithm fits its type.
     */
    static JWSKeySelector<SecurityContext> selector(Optional<String> inline, Optional<String> location,
                                                    Set<JWSAlgorithm> accepted) throws IOException {
        String text;
        if (inline.isPresent() && !inline.get().isBlank()) {
            text = inline.get();
        } else {
            String where = location.filter(l -> !l.isBlank())
                    .orElseThrow(() -> new IOException("no mp.jwt.verify.publickey or mp.jwt.verify.publickey.location"));
            if (where.startsWith("http://") || where.startsWith("https://")) {
                // Remote JWKS: cached, refreshed on unknown key ids, retried once on network faults.
                JWKSource<SecurityContext> remote = JWKSourceBuilder.create(URI.create(where).toURL()).retrying(true).build();
                return new JWSVerificationKeySelector<>(accepted, remote);
            }
            Path path = where.startsWith("file:") ? Path.of(URI.create(where)) : Path.of(where);
            text = Files.readString(path, StandardCharsets.UTF_8);
        }
        JWKSet keys = parse(text);
        if (keys.getKeys().size() == 1 && keys.getKeys().get(0).getKeyID() == null) {
            return single(keys.getKeys().get(0), accepted);
        }
        return new JWSVerificationKeySelector<>(accepted, new ImmutableJWKSet<>(keys));
    }

    private static JWSKeySelector<SecurityContext> single(JWK key, Set<JWSAlgorithm> accepted) throws IOException {
        try {
            JWSAlgorithm algorithm = key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
            if (!accepted.contains(algorithm)) {
                throw new IOException("the configured key is for " + algorithm + ", which is not accepted");
            }
            java.security.PublicKey publicKey = key instanceof RSAKey rsa ? rsa.toPublicKey() : ((ECKey) key).toPublicKey();
            return new SingleKeyJWSKeySelector<>(algorithm, publicKey);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IOException(e);
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
        } catch (ParseException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("unreadable verification key: " + e.getMessage(), e);
        }
    }
}
