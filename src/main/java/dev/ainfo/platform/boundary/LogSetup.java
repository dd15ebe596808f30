package dev.ainfo.platform.boundary;

import dev.ainfo.platform.control.LogLines;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Sends the application's log records ({@code dev.ainfo.*}) to standard output as JSON lines, or plain
 * lines with {@code ainfo.log.format=plain}, the same on every server; the server's own records keep
 * the server's format. Undone on undeploy, so no handler outlives the application's classes.
 */
@WebListener
public class LogSetup implements ServletContextListener {

    private static final Logger APP = Logger.getLogger("dev.ainfo");
    private LogLines lines;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String format = ConfigProvider.getConfig().getOptionalValue("ainfo.log.format", String.class).orElse("json").strip();
        if (!format.equals("json") && !format.equals("plain")) {
            throw new IllegalStateException("ainfo.log.format must be json or plain, not " + format);
        }
        lines = new LogLines(format.equals("json"));
        APP.addHandler(lines);
        APP.setUseParentHandlers(false);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (lines != null) {
            APP.removeHandler(lines);
            APP.setUseParentHandlers(true);
            lines.close();
        }
    }
}
