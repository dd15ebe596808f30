package dev.ainfo.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A minimal Keycloak-shaped OpenID Connect provider for the browser test: discovery, an
 * authorization endpoint that signs the user in at once, and a token endpoint that insists on
 * PKCE (S256). The access token it hands out comes from the supplier the test sets.
 */
final class FakeOidc implements AutoCloseable {

    static final String CLIENT_ID = "ainfo-web";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Grant(String clientId, String redirectUri, String challenge, String nonce) {
    }

    private final HttpServer server;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    final AtomicInteger pkceExchanges = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger logouts = new AtomicInteger();
    volatile Supplier<String> accessToken = () -> {
        throw new IllegalStateException("no access token supplier set");
    };

    private FakeOidc(HttpServer server) {
        this.server = server;
    }

    static FakeOidc start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            FakeOidc fake = new FakeOidc(server);
            server.createContext("/realms/ainfo/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/ainfo";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/realms/ainfo".length());
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            switch (path) {
                case "/.well-known/openid-configuration" -> json(exchange, 200, Map.of(
                        "issuer", issuer(),
                        "authorization_endpoint", issuer() + "/protocol/openid-connect/auth",
                        "token_endpoint", issuer() + "/protocol/openid-connect/token",
                        "end_session_endpoint", issuer() + "/protocol/openid-connect/logout"));
                case "/protocol/openid-connect/auth" -> authorize(exchange);
                case "/protocol/openid-connect/token" -> token(exchange);
                case "/protocol/openid-connect/logout" -> {
                    logouts.incrementAndGet();
                    redirect(exchange, query(exchange.getRequestURI().getRawQuery()).get("post_logout_redirect_uri"));
                }
                default -> json(exchange, 404, Map.of("error", "not_found"));
            }
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))
                || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null
                || q.get("state") == null || q.get("redirect_uri") == null) {
            refused.incrementAndGet();
            json(exchange, 400, Map.of("error", "invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(q.get("client_id"), q.get("redirect_uri"), q.get("code_challenge"), q.get("nonce")));
        redirect(exchange, q.get("redirect_uri") + "?state=" + enc(q.get("state")) + "&session_state=x&code=" + enc(code));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(String.valueOf(form.get("code")));
        boolean ok = grant != null && "authorization_code".equals(form.get("grant_type"))
                && grant.clientId().equals(form.get("client_id"))
                && grant.redirectUri().equals(form.get("redirect_uri"))
                && form.get("code_verifier") != null
                && grant.challenge().equals(s256(form.get("code_verifier")));
        if (!ok) {
            refused.incrementAndGet();
            json(exchange, 400, Map.of("error", "invalid_grant", "error_description", "PKCE check failed"));
            return;
        }
        pkceExchanges.incrementAndGet();
        String idToken = new PlainJWT(new JWTClaimsSet.Builder().issuer(issuer()).audience(CLIENT_ID)
                .subject("oidc-user").claim("nonce", grant.nonce()).build()).serialize();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken.get());
        body.put("token_type", "Bearer");
        body.put("expires_in", 3600);
        body.put("id_token", idToken);
        json(exchange, 200, body);
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", URI.create(location).toString());
        exchange.sendResponseHeaders(302, -1);
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
