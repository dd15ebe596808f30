package dev.ainfo.memory.boundary;

import dev.ainfo.memory.control.ConversationMemory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Memory without Redis is degraded, not down: answers go on with a buffer rebuilt from the log. */
@Readiness
@ApplicationScoped
public class MemoryReadiness implements HealthCheck {

    @Inject
    ConversationMemory memory;

    @Override
    public HealthCheckResponse call() {
        boolean reachable;
        try {
            reachable = memory.reachable();
        } catch (RuntimeException notCreatable) {
            // Probes arrive while the application still deploys, before its beans can be created
            // (Payara then logged a stack trace per probe); the error shows in the probe's answer.
            return HealthCheckResponse.named("memory").down().withData("error", notCreatable.toString()).build();
        }
        return HealthCheckResponse.named("memory").up()
                .withData("memory", reachable ? "redis" : "degraded")
                .build();
    }
}
