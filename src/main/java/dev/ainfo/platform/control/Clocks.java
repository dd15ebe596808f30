package dev.ainfo.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's clock, injected wherever "today" matters (which programmes are open), so tests and
 * demonstrations can fix the day: {@code ainfo.clock.fixed} takes an ISO date or instant.
 */
@ApplicationScoped
public class Clocks {

    @Inject
    @ConfigProperty(name = "ainfo.clock.zone", defaultValue = "Asia/Seoul")
    String zone;

    @Inject
    @ConfigProperty(name = "ainfo.clock.fixed")
    Optional<String> fixed;

    @Produces
    Clock clock() {
        return clock(ZoneId.of(zone), fixed.filter(f -> !f.isBlank()));
    }

    static Clock clock(ZoneId zone, Optional<String> fixed) {
        return fixed.map(f -> Clock.fixed(f.length() == 10 ? LocalDate.parse(f).atStartOfDay(zone).plusHours(12).toInstant()
                : Instant.parse(f), zone)).orElseGet(() -> Clock.system(zone));
    }
}
