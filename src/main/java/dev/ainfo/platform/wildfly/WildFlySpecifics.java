package dev.ainfo.platform.wildfly;

import dev.ainfo.platform.control.ServerSpecifics;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;

/**
 * WildFly 39 (checked on 39.0.1.Final, Undertow 2.3.x): Undertow's {@code modifyHandshake} cannot set
 * an HTTP status, so {@link HandshakeRefusalFilter} refuses bad handshakes before the upgrade. Nothing
 * else differs: Undertow has no per-frame idle timer to take off, and WildFly's context capture needs
 * no help. Loaded only on a JBoss Modules class loader ({@code Servers}).
 */
public final class WildFlySpecifics implements ServerSpecifics {

    @Override
    public String name() {
        return "WildFly (Undertow)";
    }

    @Override
    public void starting(ServletContext context) {
        FilterRegistration.Dynamic filter = context.addFilter(HandshakeRefusalFilter.class.getSimpleName(),
                HandshakeRefusalFilter.class);
        filter.setAsyncSupported(true);
        // Ahead of every other mapping, so ahead of Undertow's WebSocket upgrade filter.
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, HandshakeRefusalFilter.PATH);
    }
}
