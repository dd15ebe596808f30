package dev.ainfo.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The application's database and its schema. The container pools a {@link ConfiguredDataSource};
 * Flyway migrates the schema before anything else starts. Bean-managed transactions keep the migration
 * out of a container transaction: Flyway switches auto-commit itself, which WildFly refuses inside one.
 */
@DataSourceDefinition(
        name = Database.JNDI,
        className = "dev.ainfo.platform.control.ConfiguredDataSource",
        // WildFly's pool insists on one connection property; the real settings come from Config.
        properties = "description=AInfo",
        minPoolSize = 2,
        maxPoolSize = 32)
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

    public static final String JNDI = "java:app/jdbc/ainfo";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied)");
    }

    /**
     * True if the database answers within the timeout. Through this bean the readiness check needs no
     * JNDI look-up of its own: WildFly calls health checks on a management thread, where java:app is not
     * bound, while a call into the bean runs in the application's naming context.
     */
    @Lock(LockType.READ)
    public boolean answers(int timeoutSeconds) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds);
        }
    }
}
