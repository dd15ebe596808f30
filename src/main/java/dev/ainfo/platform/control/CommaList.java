package dev.ainfo.platform.control;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Comma-separated configuration values; Payara cannot inject {@code Optional<List<String>>}. */
public final class CommaList {

    private CommaList() {
    }

    public static List<String> of(Optional<String> value) {
        return value.map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
