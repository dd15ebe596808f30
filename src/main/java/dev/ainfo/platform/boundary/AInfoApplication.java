package dev.ainfo.platform.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API under /api, authenticated with MicroProfile JWT bearer tokens. */
@ApplicationScoped // without it, JsonWebToken injection fails on Payara
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin"})
@OpenAPIDefinition(info = @Info(title = "AInfo", version = "1",
        description = "REST API of AInfo, the youth-policy chat server. Answers stream over the WebSocket "
                + "/ws/chat/{roomId}, described in /docs/PROTOCOL.md; errors are application/problem+json."))
public class AInfoApplication extends Application {
}
