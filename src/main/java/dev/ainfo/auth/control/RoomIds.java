package dev.ainfo.auth.control;

import java.util.Optional;
import java.util.regex.Pattern;

/** Room ids on the wire: positive 64-bit decimal integers in canonical form (no sign, no leading zero), nothing else. */
public final class RoomIds {

    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,18}");

    private static final String ENDPOINT_PATH = "/ws/chat/";

    private RoomIds() {
    }

    /**
     * The room id text of a chat socket's raw (undecoded) request path: everything after
     * {@code /ws/chat/}, less one trailing slash. Not just the last segment: {@code %2e%2e%2f1}, or
     * {@code ../1} if a container decoded it, must be refused as a whole rather than name room 1.
     */
    public static String ofPath(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int endpoint = path.indexOf(ENDPOINT_PATH);
        return endpoint < 0 ? "" : path.substring(endpoint + ENDPOINT_PATH.length());
    }

    public static Optional<Long> parse(String text) {
        if (text == null || !DIGITS.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(text);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException overflow) {
            return Optional.empty();
        }
    }
}
