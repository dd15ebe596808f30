package dev.ainfo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small REST client for tests. Always talks to 127.0.0.1, whatever address Arquillian reports. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    /** Arquillian's URL, pinned to loopback. */
    public static URI loopback(java.net.URL deployed) {
        return URI.create("http://127.0.0.1:" + deployed.getPort() + "/");
    }

    public static URI webSocketBase(URI httpBase) {
        return URI.create("ws://127.0.0.1:" + httpBase.getPort() + "/");
    }

    public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Reply delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Reply post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply patch(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String token, String json) {
        return put(path, token, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public Reply put(String path, String token, String contentType, byte[] body) {
        return send(request(path, token).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Waits until /health/ready is UP (the policy index may still be loading after a deployment). */
    public Api awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(resolve("health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
                Thread.sleep(250);
            } catch (IOException notYet) {
                // the listener may not be up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not ready within " + timeout + ": " + get("health/ready", null).body());
    }

    /** A token from the development issuer's {@code /dev/token} (loopback only, as the README's run has it). */
    public String devToken(String user) {
        Reply reply = get("dev/token?user=" + user, null);
        if (reply.status() != 200) {
            throw new AssertionError("no development token: " + reply.status() + " " + reply.body());
        }
        return reply.body().strip();
    }

    public long createRoom(String token, String title) {
        Reply reply = post("api/rooms", token, JSON.createObjectNode().put("title", title).toString());
        if (reply.status() != 201) {
            throw new AssertionError("room not created: " + reply.status() + " " + reply.body());
        }
        return reply.json().path("id").asLong();
    }

    /**
     * MicroProfile Health's base: the application's own port on Payara, the management interface on
     * WildFly (Failsafe sets ainfo.health.base there).
     */
    private URI resolve(String path) {
        String health = System.getProperty("ainfo.health.base");
        return health != null && path.startsWith("health") ? URI.create(health).resolve(path) : base.resolve(path);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
