package dev.ainfo.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API under /api. Bearer tokens are verified by the application itself
 * (auth/boundary/AuthenticatedCaller), with the same rules as the chat socket; no
 * {@code @LoginConfig}, so the server's MicroProfile JWT mechanism stays out of the way.
 */
@ApplicationScoped
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "AInfo", version = "1",
        description = "REST API of AInfo, the youth-policy chat server. Answers stream over the WebSocket "
                + "/ws/chat/{roomId}, described in /docs/PROTOCOL.md; errors are application/problem+json."))
public class AInfoApplication extends Application {
}
