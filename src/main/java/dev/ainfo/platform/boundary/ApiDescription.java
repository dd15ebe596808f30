package dev.ainfo.platform.boundary;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document the server generates from the resources' annotations
 * ({@code mp.openapi.filter}): the problem+json error shape on every operation with the statuses it
 * can answer, the bearer-token scheme, and the application's servlet paths (metrics, the protocol
 * text, the development issuer) and the server's health checks, which no JAX-RS resource declares.
 */
public class ApiDescription implements OASFilter {

    static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema("Problem", typed(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; 5xx answers carry no detail")
                .addProperty("type", string("always about:blank"))
                .addProperty("title", string("the status's reason phrase"))
                .addProperty("status", typed(Schema.SchemaType.INTEGER))
                .addProperty("detail", string("what was wrong with the request"))
                .addRequired("type").addRequired("title").addRequired("status"));
        components.addSecurityScheme("bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT").description("an access token verified with the mp.jwt.verify.* settings"));
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().getOperations().entrySet()) {
                describeErrors(path.getKey(), operation.getKey(), operation.getValue());
            }
        }
        openAPI.getPaths()
                .addPathItem("/metrics", get("Metrics in Prometheus text format", "text/plain",
                        "served to loopback requests without proxy headers, to HTTP Basic with the scrape token (ainfo.metrics.token) as password "
                                + "or to all with ainfo.metrics.public=true; others get 403", "403"))
                .addPathItem("/docs/PROTOCOL.md", get("The WebSocket protocol (/ws/chat/{roomId}) and this API, as text",
                        "text/markdown", "the frames, error codes and close codes of the chat socket"))
                .addPathItem("/dev/token", get("A development token (embedded mode only)", "text/plain",
                        "answers loopback requests while no token verification is configured; parameters user, admin, ttl",
                        "400", "403"))
                .addPathItem("/health/live", get("Liveness (MicroProfile Health, served by the server)", "application/json",
                        "on WildFly, on the management interface", "503"))
                .addPathItem("/health/ready", get("Readiness: database, knowledge index, memory (MicroProfile Health)",
                        "application/json", "on WildFly, on the management interface", "503"));
    }

    /** Adds the problem+json answers the mappers give: bad input, no token, not allowed, missing, failures. */
    private static void describeErrors(String path, PathItem.HttpMethod method, Operation operation) {
        boolean api = path.startsWith("/api/");
        boolean open = path.endsWith("/ui-config");
        if (api && !open) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
            problem(operation, "401", "no token, or a token that fails verification");
        }
        if (path.contains("/admin/")) {
            problem(operation, "403", "the token lacks the admin role");
        }
        if (path.contains("{")) {
            problem(operation, "404", "no such item, or one that belongs to another user");
        }
        if (method != PathItem.HttpMethod.DELETE && (operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            problem(operation, "400", "invalid input");
        }
        problem(operation, "500", "an unexpected failure; details go to the log");
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(content("application/problem+json", OASFactory.createSchema().ref(PROBLEM))));
    }

    private static PathItem get(String summary, String mediaType, String description, String... problems) {
        Operation operation = OASFactory.createOperation().summary(summary).description(description)
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description(summary).content(content(mediaType, string(null)))));
        for (String status : problems) {
            APIResponse response = OASFactory.createAPIResponse().description(description);
            if (!status.equals("503")) {
                response.content(content("application/problem+json", OASFactory.createSchema().ref(PROBLEM)));
            }
            operation.getResponses().addAPIResponse(status, response);
        }
        return OASFactory.createPathItem().GET(operation);
    }

    private static Content content(String mediaType, Schema schema) {
        MediaType media = OASFactory.createMediaType().schema(schema);
        return OASFactory.createContent().addMediaType(mediaType, media);
    }

    private static Schema string(String description) {
        return typed(Schema.SchemaType.STRING).description(description);
    }

    /**
     * A schema of one type on either MicroProfile OpenAPI: 3.1 (Payara 6) has {@code type(SchemaType)},
     * 4.0 (WildFly 39) replaced it with {@code addType(SchemaType)}; calling the missing one fails the
     * deployment with a NoSuchMethodError, so the method is looked up.
     */
    private static Schema typed(Schema.SchemaType type) {
        Schema schema = OASFactory.createSchema();
        for (String name : new String[] {"type", "addType"}) {
            try {
                schema.getClass().getMethod(name, Schema.SchemaType.class).invoke(schema, type);
                return schema;
            } catch (NoSuchMethodException e) {
                // the other API version
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot set the schema type " + type, e);
            }
        }
        return schema;
    }
}
