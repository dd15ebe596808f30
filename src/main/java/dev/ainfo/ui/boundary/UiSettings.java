package dev.ainfo.ui.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The chat page's OpenID Connect settings, read from MicroProfile Config. */
@ApplicationScoped
public class UiSettings {

    private static Config config() {
        return ConfigProvider.getConfig();
    }

    /** The issuer the page signs in against; falls back to the issuer tokens are verified for. */
    public Optional<String> oidcIssuer() {
        return nonBlank("ainfo.oidc.issuer").or(() -> nonBlank("mp.jwt.verify.issuer"))
                .filter(UiSettings::isHttpUrl)
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    public Optional<String> clientId() {
        return nonBlank("ainfo.oidc.client-id");
    }

    public String scope() {
        return nonBlank("ainfo.oidc.scope").orElse("openid");
    }

    /** The issuer's origin, which the page's Content-Security-Policy must let it fetch from. */
    public Optional<String> oidcOrigin() {
        if (clientId().isEmpty()) {
            return Optional.empty();
        }
        return oidcIssuer().map(URI::create).map(u -> u.getScheme() + "://" + u.getRawAuthority());
    }

    private static Optional<String> nonBlank(String key) {
        return config().getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getRawAuthority() != null && !uri.getRawAuthority().isBlank()
                    && !uri.getRawAuthority().matches(".*[\\s;,'\"].*");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
