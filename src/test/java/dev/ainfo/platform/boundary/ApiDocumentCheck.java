package dev.ainfo.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Checks, against a running server, that the OpenAPI document describes every JAX-RS resource method
 * of the WAR (found by scanning the compiled classes) with the problem+json error shape, and that the
 * protocol text is served beside it. Called from a container test, so it runs on every server.
 */
public final class ApiDocumentCheck {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ApiDocumentCheck() {
    }

    /** "GET /api/rooms/{id}" for every resource method in target/classes. */
    public static List<String> resourceMethods() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        String application = "/" + AInfoApplication.class.getAnnotation(ApplicationPath.class).value();
        List<String> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("dev/ainfo"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, ApiDocumentCheck.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                Path base = type.getAnnotation(Path.class);
                if (base == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    for (Annotation annotation : method.getAnnotations()) {
                        HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                        if (http != null) {
                            Path sub = method.getAnnotation(Path.class);
                            found.add(http.value() + " " + join(application, base.value(), sub == null ? "" : sub.value()));
                        }
                    }
                }
            }
        }
        return found;
    }

    public static void everyResourceMethodIsDescribed(URI base) throws Exception {
        JsonNode document = new ObjectMapper().readTree(get(base.resolve("openapi?format=JSON"), "application/json"));
        List<String> methods = resourceMethods();
        assertTrue(methods.size() >= 12, "resource methods found: " + methods);
        List<String> missing = new ArrayList<>();
        for (String method : methods) {
            String[] parts = method.split(" ", 2);
            if (document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT)).isMissingNode()) {
                missing.add(method);
            }
        }
        assertEquals(List.of(), missing, "resource methods missing from /openapi, which has " + document.path("paths").fieldNames());
        assertFalse(document.path("components").path("schemas").path("Problem").isMissingNode(), "the problem+json schema");
        JsonNode roomNotFound = document.path("paths").path("/api/rooms/{id}").path("get").path("responses").path("404");
        assertFalse(roomNotFound.path("content").path("application/problem+json").isMissingNode(), roomNotFound.toString());
        assertFalse(document.path("paths").path("/metrics").isMissingNode(), "the metrics endpoint is described");
        assertEquals("Create a room (title optional, at most 100 characters)",
                document.path("paths").path("/api/rooms").path("post").path("summary").asText(), "annotations are read");
    }

    public static void protocolIsServed(URI base) throws Exception {
        String text = get(base.resolve("docs/PROTOCOL.md"), "text/markdown, text/plain, */*");
        assertTrue(text.startsWith("# AInfo wire protocol"), text.substring(0, Math.min(80, text.length())));
        assertTrue(text.contains("`llm_unavailable`") && text.contains("/ws/chat/{roomId}"));
    }

    private static String get(URI uri, String accept) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Accept", accept)
                .timeout(Duration.ofMinutes(4)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), uri + ": " + response.body());
        return response.body();
    }

    private static String join(String... parts) {
        String path = String.join("/", parts).replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
