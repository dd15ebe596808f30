package dev.ainfo.auth.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Optional;

/**
 * The keys tokens are checked against, read from the same MicroProfile JWT keys as the REST API:
 * an inline PEM, JWK or JWKS, or a location (file, file: URL, http(s) URL) holding one.
 */
final class VerificationKeys {

    private VerificationKeys() {
    }

    static JWKSource<SecurityContext> from(Optional<String> inline, Optional<String> location) throws IOException {
        if (inline.isPresent() && !inline.get().isBlank()) {
            return new ImmutableJWKSet<>(parse(inline.get()));
        }
        String where = location.filter(l -> !l.isBlank())
                .orElseThrow(() -> new IOException("no mp.jwt.verify.publickey or mp.jwt.verify.publickey.location"));
        if (where.startsWith("http://") || where.startsWith("https://")) {
            // Remote JWKS: cached, refreshed on unknown key ids, retried once on network faults.
            URL url = URI.create(where).toURL();
            return JWKSourceBuilder.create(url).retrying(true).build();
        }
        Path path = where.startsWith("file:") ? Path.of(URI.create(where)) : Path.of(where);
        return new ImmutableJWKSet<>(parse(Files.readString(path, StandardCharsets.UTF_8)));
    }

    static JWKSet parse(String text) throws IOException {
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("{")) {
                return trimmed.contains("\"keys\"") ? JWKSet.parse(trimmed) : new JWKSet(JWK.parse(trimmed));
            }
            if (!trimmed.startsWith("-----BEGIN")) {
                // MicroProfile also allows the bare base64 body of a PEM public key.
                trimmed = "-----BEGIN PUBLIC KEY-----\n" + trimmed + "\n-----END PUBLIC KEY-----";
            }
            return new JWKSet(JWK.parseFromPEMEncodedObjects(trimmed));
        } catch (ParseException | com.nimbusds.jose.JOSEException e) {
            throw new IOException("unreadable verification key: " + e.getMessage(), e);
        }
    }
}
