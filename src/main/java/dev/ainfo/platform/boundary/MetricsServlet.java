package dev.ainfo.platform.boundary;

import dev.ainfo.platform.control.AppMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The metrics in Prometheus text format. Served to loopback requests without proxy headers, to
 * requests with the scrape token {@code ainfo.metrics.token} as their Basic password, or to anyone when the operator sets
 * {@code ainfo.metrics.public=true}; everyone else gets 403, so a public listener does not publish them.
 */
@WebServlet(urlPatterns = "/metrics", loadOnStartup = 1)
public class MetricsServlet extends HttpServlet {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    @ConfigProperty(name = "ainfo.metrics.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "ainfo.metrics.public", defaultValue = "false")
    boolean open;

    @Inject
    @ConfigProperty(name = "ainfo.metrics.token")
    Optional<String> token;

    @Inject
    @ConfigProperty(name = "ainfo.metrics.socket-capacity", defaultValue = "10000")
    int socketCapacity;

    private JvmGcMetrics gc;

    @Override
    public void init() {
        new ClassLoaderMetrics().bindTo(AppMetrics.REGISTRY);
        new JvmMemoryMetrics().bindTo(AppMetrics.REGISTRY);
        new JvmThreadMetrics().bindTo(AppMetrics.REGISTRY);
        new ProcessorMetrics().bindTo(AppMetrics.REGISTRY);
        new UptimeMetrics().bindTo(AppMetrics.REGISTRY);
        gc = new JvmGcMetrics();
        gc.bindTo(AppMetrics.REGISTRY);
        AppMetrics.gauge("ainfo_sockets_capacity", "chat sockets one instance is sized for (ainfo.metrics.socket-capacity)",
                this, servlet -> servlet.socketCapacity);
    }

    @Override
    public void destroy() {
        // Its JMX listeners would otherwise keep the undeployed application's classes alive.
        gc.close();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!enabled) {
            response.sendError(404);
            return;
        }
        if (!open && !DevTokenServlet.fromLoopback(request) && !bearsToken(request)) {
            response.setStatus(403);
            response.setContentType(ProblemMapper.PROBLEM_JSON);
            response.getWriter().write(ProblemMapper.problem(403,
                    "metrics are served to loopback, to the scrape token, or to all with ainfo.metrics.public=true")
                    .build().getEntity().toString());
            return;
        }
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(AppMetrics.REGISTRY.scrape().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * HTTP Basic with the scrape token as the password (any user name), as Prometheus' basic_auth sends
     * it: a Bearer header would meet the MicroProfile JWT check first, which refuses it with 401.
     */
    private boolean bearsToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (token.isEmpty() || token.get().isBlank() || header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        String password = credentials.substring(credentials.indexOf(':') + 1);
        return MessageDigest.isEqual(token.get().strip().getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }
}
