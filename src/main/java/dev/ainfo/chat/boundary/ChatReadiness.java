package dev.ainfo.chat.boundary;

import dev.ainfo.chat.control.ChatLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Down from the moment the instance starts shutting down, so balancers stop sending it sockets. */
@Readiness
@ApplicationScoped
public class ChatReadiness implements HealthCheck {

    @Inject
    ChatLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("chat").status(lifecycle.accepting()).build();
    }
}
