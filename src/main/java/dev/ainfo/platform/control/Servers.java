package dev.ainfo.platform.control;

import java.util.logging.Logger;

/**
 * Picks the {@link ServerSpecifics} of the server the WAR runs on, by probing for that server's own
 * classes, and loads the matching implementation by name: on Payara the WildFly package is never
 * loaded, and the other way round.
 */
public final class Servers {

    private static final Logger LOG = Logger.getLogger(Servers.class.getName());
    static final String TYRUS_PROBE = "org.glassfish.tyrus.spi.UpgradeResponse";
    static final String JBOSS_MODULES_LOADER = "org.jboss.modules.ModuleClassLoader";

    private static volatile ServerSpecifics current;

    private Servers() {
    }

    public static ServerSpecifics current() {
        ServerSpecifics found = current;
        if (found == null) {
            found = detect(Servers.class.getClassLoader());
            current = found;
            LOG.info("server-specific behaviour: " + found.name());
        }
        return found;
    }

    static ServerSpecifics detect(ClassLoader loader) {
        if (visible(TYRUS_PROBE, loader)) {
            return load("dev.ainfo.platform.payara.PayaraSpecifics", loader);
        }
        if (loadedBy(JBOSS_MODULES_LOADER, loader)) {
            return load("dev.ainfo.platform.wildfly.WildFlySpecifics", loader);
        }
        return ServerSpecifics.STANDARD;
    }

    private static boolean visible(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    // WildFly's deployment class loader is a JBoss Modules loader; the WAR need not see that class.
    private static boolean loadedBy(String loaderClass, ClassLoader loader) {
        for (Class<?> c = loader == null ? null : loader.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(loaderClass)) {
                return true;
            }
        }
        return false;
    }

    private static ServerSpecifics load(String className, ClassLoader loader) {
        try {
            return (ServerSpecifics) Class.forName(className, true, loader).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warning("cannot load " + className + ", keeping to the standard APIs: " + e);
            return ServerSpecifics.STANDARD;
        }
    }
}
