package dev.ainfo.platform.control;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the development issuer's public key and issuer name to MicroProfile JWT, but only while
 * no other configuration source names a key or an issuer. Any real verification setting, from any
 * source, switches the development issuer off: it can never stand beside a production key.
 */
public class DevIssuerConfigSource implements ConfigSource {

    public static final String ISSUER = "ainfo-dev-issuer";
    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String ISSUER_KEY = "mp.jwt.verify.issuer";
    static final String SWITCH = "ainfo.dev-issuer.enabled";
    static final String DATA_DIR = "ainfo.data-dir";

    private static final ThreadLocal<Boolean> CHECKING = new ThreadLocal<>();

    /**
     * The names this source may supply, without asking whether it is active: SmallRye Config asks every
     * source for its names while it builds the Config, and asking the Config then would build it again
     * (a StackOverflowError at deployment on WildFly). {@link #getValue} decides, once the Config exists.
     */
    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY, ISSUER_KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        String key = getValue(PUBLIC_KEY);
        return key == null ? Map.of() : Map.of(PUBLIC_KEY, key, ISSUER_KEY, ISSUER);
    }

    @Override
    public String getValue(String name) {
        if (!PUBLIC_KEY.equals(name) && !ISSUER_KEY.equals(name)) {
            return null;
        }
        // Asked again while deciding (a Config still being built asks every source): not active.
        if (CHECKING.get() != null) {
            return null;
        }
        CHECKING.set(Boolean.TRUE);
        try {
            if (!active()) {
                return null;
            }
            return PUBLIC_KEY.equals(name) ? DevKeys.at(dataDir()).publicKeyPem() : ISSUER;
        } finally {
            CHECKING.remove();
        }
    }

    @Override
    public String getName() {
        return "ainfo-dev-issuer";
    }

    @Override
    public int getOrdinal() {
        // Below every standard source, so a real setting always wins even if the check below missed it.
        return 1;
    }

    /** True when no other source configures token verification and the switch is not off. */
    public static boolean active() {
        String enabled = fromOtherSources(SWITCH);
        if (enabled != null && !Boolean.parseBoolean(enabled.strip())) {
            return false;
        }
        return fromOtherSources(PUBLIC_KEY) == null
                && fromOtherSources(PUBLIC_KEY_LOCATION) == null
                && fromOtherSources(ISSUER_KEY) == null;
    }

    public static String dataDir() {
        String dir = fromOtherSources(DATA_DIR);
        return dir == null ? "ainfo-data" : dir;
    }

    // Asks the sources directly: going through Config would recurse into this source.
    private static String fromOtherSources(String name) {
        Config config = ConfigProvider.getConfig(DevIssuerConfigSource.class.getClassLoader());
        for (ConfigSource source : config.getConfigSources()) {
            if (source instanceof DevIssuerConfigSource) {
                continue;
            }
            String value = source.getValue(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
