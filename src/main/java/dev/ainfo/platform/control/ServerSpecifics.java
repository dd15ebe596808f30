package dev.ainfo.platform.control;

import jakarta.servlet.ServletContext;
import jakarta.websocket.HandshakeResponse;

/**
 * What the application does differently per application server, where the standard APIs leave a gap
 * or cost too much. Each server's implementation lives in its own package ({@code platform.payara},
 * {@code platform.wildfly}) and is loaded by name only on its own server ({@link Servers}), so neither
 * server ever loads the other's classes. Elsewhere {@link #STANDARD} keeps to the standard APIs.
 */
public interface ServerSpecifics {

    /** The standard behaviour: nothing server-specific. */
    ServerSpecifics STANDARD = new ServerSpecifics() {
    };

    /** A short name for logs. */
    default String name() {
        return "standard";
    }

    /** Called once at application start, while filters and servlets may still be added. */
    default void starting(ServletContext context) {
    }

    /**
     * A refused WebSocket handshake: answers it with this HTTP status where the server lets
     * {@code modifyHandshake} set one. Where it does not, the endpoint closes with 1008 instead.
     */
    default void refuseHandshake(HandshakeResponse response, int status) {
    }

    /** Called when a chat socket opens, with the container's {@code Session}. */
    default void socketOpened(Object session) {
    }

    /** Runs code that submits tasks to a managed executor (the context capture happens there). */
    default void submitting(Runnable submit) {
        submit.run();
    }
}
