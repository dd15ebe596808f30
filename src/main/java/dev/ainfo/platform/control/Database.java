package dev.ainfo.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import javax.sql.DataSource;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The application's database and its schema. The container pools a {@link ConfiguredDataSource};
 * Flyway migrates the schema before anything else starts.
 */
@DataSourceDefinition(
        name = Database.JNDI,
        className = "dev.ainfo.platform.control.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32)
@Startup
@Singleton
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
}
