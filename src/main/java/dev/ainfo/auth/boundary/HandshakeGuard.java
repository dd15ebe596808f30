package dev.ainfo.auth.boundary;

import dev.ainfo.auth.control.HandshakeCheck;
import dev.ainfo.auth.control.RoomIds;
import dev.ainfo.auth.entity.HandshakeVerdict;
import dev.ainfo.platform.control.Servers;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.InjectionTarget;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Validates the access token and room ownership during the WebSocket handshake. A refusal is an
 * HTTP 401/403 where the server allows it (Tyrus on Payara here; on WildFly a filter refused it before
 * the upgrade); otherwise the verdict travels to the endpoint, which closes with 1008 before any frame.
 */
public class HandshakeGuard extends ServerEndpointConfig.Configurator {

    private static final Logger LOG = Logger.getLogger(HandshakeGuard.class.getName());
    public static final String VERDICT = HandshakeVerdict.class.getName();

    private final Map<Class<?>, InjectionTarget<?>> targets = new ConcurrentHashMap<>();

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        HandshakeVerdict verdict;
        try {
            verdict = CDI.current().select(HandshakeCheck.class).get()
                    .check(tokenOf(request), first(request.getHeaders(), "Origin"), first(request.getHeaders(), "Host"),
                            roomIdOf(request.getRequestURI()));
        } catch (RuntimeException e) {
            // Throwing here would answer 500; an unverifiable handshake is simply refused.
            LOG.log(Level.WARNING, "handshake check failed", e);
            verdict = HandshakeVerdict.refuse(HandshakeVerdict.UNAUTHORIZED, "handshake check failed");
        }
        // Jakarta WebSocket 2.1: these user properties are a per-connection copy.
        config.getUserProperties().put(VERDICT, verdict);
        if (!verdict.accepted()) {
            Servers.current().refuseHandshake(response, verdict.refusalStatus());
        }
    }

    /**
     * Makes endpoint instances with one cached injection target. Tyrus' own CDI provider builds an
     * annotated type and an injection target for every socket under a BeanManager lock, which
     * serialised every handshake of the server in the load benchmark.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        try {
            BeanManager beans = CDI.current().getBeanManager();
            InjectionTarget<T> target = (InjectionTarget<T>) targets.computeIfAbsent(endpointClass,
                    type -> beans.getInjectionTargetFactory(beans.createAnnotatedType(type)).createInjectionTarget(null));
            CreationalContext<T> context = beans.createCreationalContext(null);
            T instance = target.produce(context);
            target.inject(instance, context);
            target.postConstruct(instance);
            return instance;
        } catch (RuntimeException e) {
            InstantiationException failure = new InstantiationException("cannot create " + endpointClass.getName());
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        // Origins are checked with the token in modifyHandshake, so that refusals are uniform.
        return true;
    }

    static String tokenOf(HandshakeRequest request) {
        String fromQuery = first(request.getParameterMap(), "token");
        if (fromQuery != null) {
            return fromQuery;
        }
        String authorization = first(request.getHeaders(), "Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    static String roomIdOf(URI uri) {
        return RoomIds.ofPath(uri.getRawPath());
    }

    private static String first(Map<String, List<String>> values, String name) {
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }
}
