package dev.ainfo.auth.control;

import java.net.URI;
import java.util.Locale;

/** Comparisons of the Origin header of a socket handshake (RFC 6454 serialised origins). */
final class Origins {

    private Origins() {
    }

    /**
     * True when the origin's host (and port, when the {@code Host} header names one) is the
     * request's {@code Host}. A Host without a port is compared by name alone: a browser names any
     * non-default port, so only a proxy that forwards {@code $host} (nginx) drops it.
     */
    static boolean sameOrigin(String origin, String host) {
        URI parsed = parse(origin);
        if (parsed == null || host == null || host.isBlank()) {
            return false;
        }
        URI requested = parse(parsed.getScheme() + "://" + host.strip());
        return requested != null && parsed.getHost().equalsIgnoreCase(requested.getHost())
                && (requested.getPort() == -1 || port(parsed) == requested.getPort());
    }

    /** Scheme, host and port equal, default ports included ({@code https://a} is {@code https://a:443}). */
    static boolean equal(String listed, String origin) {
        URI a = parse(listed);
        URI b = parse(origin);
        return a != null && b != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static URI parse(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
            return web && uri.getHost() != null && uri.getRawUserInfo() == null && bare
                    && uri.getRawQuery() == null && uri.getRawFragment() == null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null; // "null" (sandboxed pages) and anything malformed match nothing
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
    }
}
