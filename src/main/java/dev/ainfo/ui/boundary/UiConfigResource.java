package dev.ainfo.ui.boundary;

import dev.ainfo.platform.control.DevIssuer;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GET /api/ui-config: what the chat page needs before sign-in. Unauthenticated, holds no secrets. */
@Path("ui-config")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ui", description = "settings for the chat page (no token needed)")
public class UiConfigResource {

    @Inject
    DevIssuer devIssuer;

    @Inject
    UiSettings settings;

    @Inject
    @ConfigProperty(name = "ainfo.chat.max-message-chars", defaultValue = "2000")
    int maxMessageChars;

    @Inject
    @ConfigProperty(name = "ainfo.chat.history-limit", defaultValue = "50")
    int historyLimit;

    public record Oidc(String issuer, String clientId, String scope) {
    }

    public record UiConfig(boolean devIssuer, Oidc oidc, int maxMessageChars, int historyLimit) {
    }

    @Operation(summary = "The chat page's settings: development issuer, OpenID Connect client, limits")
    @GET
    public Response config() {
        Optional<String> issuer = settings.oidcIssuer();
        Oidc oidc = issuer.isPresent() && settings.clientId().isPresent()
                ? new Oidc(issuer.get(), settings.clientId().get(), settings.scope())
                : null;
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new UiConfig(devIssuer.enabled(), oidc, maxMessageChars, historyLimit)).cacheControl(noStore).build();
    }
}
