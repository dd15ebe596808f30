package dev.ainfo.platform.boundary;

import dev.ainfo.platform.control.Servers;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Lets the server's own {@code ServerSpecifics} add what it needs (WildFly: its handshake filter). */
@WebListener
public class ServerSpecificsStart implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Servers.current().starting(event.getServletContext());
    }
}
