package dev.ainfo.auth.boundary;

import dev.ainfo.auth.control.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while tokens cannot be verified: keys that cannot be read, or a JWKS URL that does not
 * answer. The keys are read when the application starts, so a mistake is a log line at start-up
 * and a DOWN readiness probe, never a silent 401 on every call.
 */
@Readiness
@ApplicationScoped
public class TokenKeysReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(TokenKeysReadiness.class.getName());

    @Inject
    TokenVerifier tokens;

    private volatile String lastProblem;
    private volatile boolean started;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        started = true;
        Optional<String> problem = tokens.problem();
        lastProblem = problem.orElse(null);
        if (problem.isPresent()) {
            LOG.severe("Tokens cannot be verified, so every REST call and socket will be refused, and readiness is DOWN: "
                    + problem.get());
        } else {
            LOG.info("Tokens are verified with the keys from " + tokens.keySource());
        }
    }

    @Override
    public HealthCheckResponse call() {
        if (!started) {
            // Probes arrive while the WAR deploys. Reading the keys then found no development key
            // (its config source was not answering yet), and the verifier kept that verdict for good.
            return HealthCheckResponse.named("token-keys").down().withData("keys", "not read yet: starting").build();
        }
        Optional<String> problem = tokens.problem();
        String previous = lastProblem;
        lastProblem = problem.orElse(null);
        if (problem.isPresent() && !problem.get().equals(previous)) {
            LOG.warning("readiness DOWN: " + problem.get());
        }
        // The probe is public: the detail (paths, URLs) stays in the log.
        return problem.map(p -> HealthCheckResponse.named("token-keys").down()
                        .withData("error", "token keys cannot be read or fetched; see the server log").build())
                .orElseGet(() -> HealthCheckResponse.named("token-keys").up().build());
    }
}
