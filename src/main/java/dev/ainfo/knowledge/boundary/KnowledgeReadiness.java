package dev.ainfo.knowledge.boundary;

import dev.ainfo.knowledge.control.PolicyIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the policy index is built or loaded: answers before that would wait for it. */
@Readiness
@ApplicationScoped
public class KnowledgeReadiness implements HealthCheck {

    @Inject
    PolicyIndex index;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("knowledge").status(index.isReady()).build();
    }
}
