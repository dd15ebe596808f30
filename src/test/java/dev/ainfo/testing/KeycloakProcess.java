package dev.ainfo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak (keycloak-quarkus-dist, unpacked under target/keycloak by the build) on
 * 127.0.0.1 and a free port, in development mode with an in-memory database, importing a realm
 * JSON from the test resources. Runs on the Temurin 25 JDK where installed (Keycloak prefers 21+),
 * else on the default one. {@link #close()} stops its whole process tree.
 */
public final class KeycloakProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JDK = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final Duration STARTUP = Duration.ofMinutes(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;
    private final String realm;
    private final String adminPassword;
    private final Path log;
    private Process process;

    private KeycloakProcess(int port, String realm, String adminPassword, Path log) {
        this.port = port;
        this.realm = realm;
        this.adminPassword = adminPassword;
        this.log = log;
    }

    /** Starts Keycloak with the realm file (a test resource, e.g. {@code keycloak/ainfo-realm.json}) and waits for it. */
    public static KeycloakProcess start(String realmResource, String realm) {
        try {
            Path home = home();
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (Stream<Path> old = Files.list(imports)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            try (InputStream in = KeycloakProcess.class.getClassLoader().getResourceAsStream(realmResource)) {
                if (in == null) {
                    throw new IllegalStateException("no test resource " + realmResource);
                }
                Files.copy(in, imports.resolve(realm + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            Path log = Files.createDirectories(Path.of(System.getProperty("ainfo.artifacts", "target/it-artifacts")))
                    .resolve("keycloak.log").toAbsolutePath();
            KeycloakProcess keycloak = new KeycloakProcess(freePort(), realm, UUID.randomUUID().toString(), log);
            // Also stopped when the test JVM ends without @AfterAll (a failed deployment, a kill).
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close, "keycloak-stop"));
            keycloak.launch(home);
            return keycloak;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void launch(Path home) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://127.0.0.1:" + port,
                "--db=dev-mem", "--cache=local", "--import-realm")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        if (Files.isDirectory(JDK)) {
            env.put("JAVA_HOME", JDK.toString());
        }
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx640m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        process = builder.start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak did not start within " + STARTUP + "; see " + log);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm's issuer, as its tokens name it ({@code mp.jwt.verify.issuer}). */
    public String issuer() {
        return baseUrl() + "/realms/" + realm;
    }

    /** The realm's JWKS URL ({@code mp.jwt.verify.publickey.location}). */
    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** The token endpoint's answer to a password grant (a confidential client with direct access grants). */
    public JsonNode passwordGrant(String clientId, String secret, String user, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        form.put("username", user);
        form.put("password", password);
        form.put("scope", "openid");
        return post(issuer() + "/protocol/openid-connect/token", form, null);
    }

    public String accessToken(String clientId, String secret, String user, String password) {
        return passwordGrant(clientId, secret, user, password).path("access_token").asText();
    }

    /** A call to the admin REST API under {@code /admin/realms/{realm}}, as the bootstrap admin. */
    public HttpResponse<String> admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + realm + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    public JsonNode adminJson(String path) {
        try {
            return JSON.readTree(admin("GET", path, null).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String adminToken() {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", adminPassword);
        return post(baseUrl() + "/realms/master/protocol/openid-connect/token", form, null).path("access_token").asText();
    }

    private JsonNode post(String url, Map<String, String> form, String token) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(request.build());
        try {
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return json;
        } catch (IOException e) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops Keycloak and every process it started (kc.sh runs the JVM as its child). */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive() && process.toHandle().descendants().findAny().isEmpty()) {
            return;
        }
        ProcessHandle root = process.toHandle();
        var tree = Stream.concat(root.descendants(), Stream.of(root)).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }

    static Path home() throws IOException {
        Path unpacked = Path.of(System.getProperty("keycloak.dir", "target/keycloak")).toAbsolutePath();
        try (Stream<Path> dirs = Files.isDirectory(unpacked) ? Files.list(unpacked) : Stream.empty()) {
            return dirs.filter(d -> Files.exists(d.resolve("bin/kc.sh"))).findFirst().orElseThrow(() ->
                    new IllegalStateException("Keycloak is not unpacked under " + unpacked + ": run the pre-integration-test phase"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
