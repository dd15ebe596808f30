package dev.ainfo.platform.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The development issuer's RSA key, kept in the data directory so tokens outlive a restart. */
public final class DevKeys {

    private static final Map<Path, DevKeys> BY_DIR = new ConcurrentHashMap<>();
    private final RSAKey key;

    private DevKeys(RSAKey key) {
        this.key = key;
    }

    public static DevKeys at(String dataDir) {
        return BY_DIR.computeIfAbsent(Path.of(dataDir).toAbsolutePath().normalize(), DevKeys::loadOrCreate);
    }

    public RSAKey key() {
        return key;
    }

    public String publicKeyPem() {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(key.toRSAPublicKey().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DevKeys loadOrCreate(Path dir) {
        Path file = dir.resolve("dev-issuer-key.json");
        try {
            if (Files.exists(file)) {
                return new DevKeys(RSAKey.parse(Files.readString(file)));
            }
            RSAKey fresh = new RSAKeyGenerator(2048).keyID("ainfo-dev").generate();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "dev-issuer-key", ".tmp");
            Files.writeString(temp, fresh.toJSONString());
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new DevKeys(RSAKey.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("cannot read or create " + file, e);
        }
    }
}
