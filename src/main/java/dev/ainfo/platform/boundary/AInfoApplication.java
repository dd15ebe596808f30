package dev.ainfo.platform.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The REST API under /api, authenticated with MicroProfile JWT bearer tokens. */
@ApplicationScoped // without it, JsonWebToken injection fails on Payara
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "admin"})
public class AInfoApplication extends Application {
}
