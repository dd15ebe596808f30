package dev.ainfo.chat.boundary;

import dev.ainfo.chat.control.Warmup;
import dev.ainfo.knowledge.control.PolicyIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until warm: the first probe that finds the policy index ready starts the warm-up
 * ({@link Warmup}), and a load balancer sends users only once it has ended, so they meet compiled code.
 */
@Readiness
@ApplicationScoped
public class WarmupReadiness implements HealthCheck {

    @Inject
    Warmup warmup;

    @Inject
    PolicyIndex index;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("warmup");
        try {
            if (!index.isReady()) {
                // Rehearsals need the index; it loads (or, the first time, builds) on the first probe.
                return response.down().withData("warmup", "waiting for the policy index").build();
            }
            warmup.start();
        } catch (RuntimeException notCreatable) {
            // probes may come while the application still deploys, before its beans can be created
            return response.down().withData("error", notCreatable.toString()).build();
        }
        warmup.status().forEach((key, value) -> response.withData(key, String.valueOf(value)));
        return response.status(warmup.isDone()).build();
    }
}
