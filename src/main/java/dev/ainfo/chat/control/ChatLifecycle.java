package dev.ainfo.chat.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The chat's end, on undeploy or SIGTERM (Payara Micro stops on SIGTERM without undeploying, so
 * {@code @PreDestroy} alone would not run): readiness goes down and new sockets and questions are
 * refused first, then every answer in flight is stored, then sockets close with 1001.
 */
@ApplicationScoped
public class ChatLifecycle {

    private static final Logger LOG = Logger.getLogger(ChatLifecycle.class.getName());

    @Inject
    Conversation conversation;

    private final AtomicBoolean closing = new AtomicBoolean();
    private final Thread onJvmExit = new Thread(this::shutdown, "ainfo-graceful-shutdown");

    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // Instantiates the bean, and with it the hook, at deployment rather than at the first socket.
    }

    @PostConstruct
    void start() {
        Runtime.getRuntime().addShutdownHook(onJvmExit);
    }

    /** False once the instance is shutting down: readiness is down, new sockets and questions are refused. */
    public boolean accepting() {
        return !closing.get();
    }

    void shutdown() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        LOG.info("shutting down: refusing new sockets and questions");
        conversation.closeAll();
    }

    @PreDestroy
    void undeployed() {
        shutdown();
        try {
            Runtime.getRuntime().removeShutdownHook(onJvmExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook is running or has run
        }
    }
}
