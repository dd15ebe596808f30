package dev.ainfo.platform.control;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The JDBC driver's DataSource, set up from the application's MicroProfile Config. The container
 * pools it ({@link Database}); it exists because {@code ${MPCONFIG=..}} in {@code @DataSourceDefinition}
 * is Payara's alone (and Payara resolves it before the application's own defaults are visible), while
 * this class reads the same keys on any server.
 */
public class ConfiguredDataSource implements DataSource {

    private volatile DataSource driver;
    private String description;

    private DataSource driver() throws SQLException {
        DataSource current = driver;
        if (current == null) {
            synchronized (this) {
                if (driver == null) {
                    driver = create();
                }
                current = driver;
            }
        }
        return current;
    }

    private static DataSource create() throws SQLException {
        Config config = ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader());
        String url = config.getOptionalValue("ainfo.db.url", String.class).orElseGet(() -> embeddedUrl(config));
        String className = config.getOptionalValue("ainfo.db.datasource-class", String.class)
                .orElseGet(() -> defaultClassFor(url));
        try {
            Object source = Class.forName(className, true, ConfiguredDataSource.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
            set(source, url, "setURL", "setUrl");
            set(source, config.getOptionalValue("ainfo.db.user", String.class).orElse(""), "setUser");
            set(source, config.getOptionalValue("ainfo.db.password", String.class).orElse(""), "setPassword");
            return (DataSource) source;
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new SQLException("cannot set up " + className + " for " + url, e);
        }
    }

    /**
     * Without a URL: an H2 file inside this instance's own data directory, wherever the server was
     * started from. A write waits up to 10 s for a row another transaction holds, as PostgreSQL's
     * would: H2's default gave up after 2 s, and failed an answer's last write behind the progress
     * writes of a loaded instance.
     */
    static String embeddedUrl(Config config) {
        String dataDir = config.getOptionalValue("ainfo.data-dir", String.class).orElse("ainfo-data");
        return embeddedUrl(java.nio.file.Path.of(dataDir));
    }

    public static String embeddedUrl(java.nio.file.Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db").resolve("ainfo")
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    }

    static String defaultClassFor(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.ds.PGSimpleDataSource";
        }
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.jdbcx.JdbcDataSource";
        }
        throw new IllegalArgumentException("set ainfo.db.datasource-class for " + url);
    }

    private static void set(Object target, String value, String... setterNames) throws ReflectiveOperationException {
        for (String name : setterNames) {
            try {
                Method setter = target.getClass().getMethod(name, String.class);
                setter.invoke(target, value);
                return;
            } catch (NoSuchMethodException tryNext) {
                // some drivers spell it setUrl, others setURL
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + " has none of " + String.join(", ", setterNames));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return driver().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        // WildFly's pool asks with nulls when the definition names no user: the configured one applies.
        if (username == null && password == null) {
            return driver().getConnection();
        }
        return driver().getConnection(username, password);
    }

    /** Set by the container from the definition's only property (see {@link Database}). */
    public void setDescription(String description) {
        this.description = description;
    }

    public String getDescription() {
        return description;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return driver().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || driver().isWrapperFor(type);
    }
}
