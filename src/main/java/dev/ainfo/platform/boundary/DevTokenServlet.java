package dev.ainfo.platform.boundary;

import dev.ainfo.platform.control.DevIssuer;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

/**
 * GET /dev/token?user=alice[&admin=true][&ttl=3600]: a development token as text. Answers only
 * loopback requests without proxy headers, and only while no real token issuer is configured.
 */
@WebServlet("/dev/token")
public class DevTokenServlet extends HttpServlet {

    @Inject
    DevIssuer issuer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!issuer.enabled() || !fromLoopback(request)) {
            problem(response, 404, "there is no development token issuer here");
            return;
        }
        try {
            long ttl = request.getParameter("ttl") == null ? 8 * 3600 : Long.parseLong(request.getParameter("ttl"));
            String token = issuer.issue(request.getParameter("user"),
                    Boolean.parseBoolean(request.getParameter("admin")), Duration.ofSeconds(ttl));
            response.setContentType("text/plain;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(token);
        } catch (IllegalArgumentException e) {
            problem(response, 400, e.getMessage());
        }
    }

    static boolean fromLoopback(HttpServletRequest request) {
        // A proxy on the same host makes every request loopback: any header a proxy adds refuses it.
        if (request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null
                || request.getHeader("X-Real-IP") != null || request.getHeader("X-Forwarded-Host") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(ProblemMapper.PROBLEM_JSON);
        response.getWriter().write(ProblemMapper.problem(status, detail).build().getEntity().toString());
    }
}
