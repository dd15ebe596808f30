package dev.ainfo.auth.control;

import java.util.Optional;
import java.util.regex.Pattern;

/** Room ids on the wire: positive 64-bit decimal integers, nothing else. */
public final class RoomIds {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private RoomIds() {
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
