package dev.ainfo.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ainfo.testing.PostgresProcess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The Flyway migrations on both databases the product supports, with their constraints. */
class SchemaMigrationsIT {

    @Test
    void migrationsRunOnH2() throws SQLException {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        migrateAndCheck(url, "sa", "");
    }

    @Test
    void migrationsRunOnPostgreSql() throws SQLException {
        assumeTrue(PostgresProcess.binaries().isPresent(), "PostgreSQL is not installed (.ci/run installs it)");
        try (PostgresProcess pg = PostgresProcess.start()) {
            migrateAndCheck(pg.jdbcUrl(), pg.user(), "");
        }
    }

    private static void migrateAndCheck(String url, String user, String password) throws SQLException {
        Flyway flyway = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load();
        assertTrue(flyway.migrate().migrationsExecuted >= 1);
        assertEquals(0, flyway.migrate().migrationsExecuted, "a second run changes nothing");
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO chat_room (id, owner_id, title, created_at) VALUES (1, 'alice', 'room', CURRENT_TIMESTAMP)");
            sql.executeUpdate("INSERT INTO chat_log (id, room_id, role, message, timestamp, status, sources) "
                    + "VALUES (1, 1, 'user', '안녕하세요', CURRENT_TIMESTAMP, 'complete', '[]')");
            assertRejected(sql, "INSERT INTO chat_log (id, room_id, role, message, timestamp, status, sources) "
                    + "VALUES (2, 1, 'admin', 'x', CURRENT_TIMESTAMP, 'complete', '[]')");
            assertRejected(sql, "INSERT INTO chat_log (id, room_id, role, message, timestamp, status, sources) "
                    + "VALUES (3, 1, 'bot', 'x', CURRENT_TIMESTAMP, 'lost', '[]')");
            assertRejected(sql, "INSERT INTO chat_room (id, owner_id, title, created_at) VALUES (2, 'bob', '"
                    + "x".repeat(101) + "', CURRENT_TIMESTAMP)");
            sql.executeUpdate("DELETE FROM chat_room WHERE id = 1");
            try (ResultSet left = sql.executeQuery("SELECT COUNT(*) FROM chat_log")) {
                left.next();
                assertEquals(0, left.getInt(1), "deleting a room deletes its logs");
            }
            checkProfiles(sql);
            try (ResultSet index = db.getMetaData().getIndexInfo(null, null, identifier(db, "chat_log"), false, false)) {
                boolean found = false;
                while (index.next()) {
                    found |= "ix_chat_log_room_time".equalsIgnoreCase(index.getString("INDEX_NAME"));
                }
                assertTrue(found, "index on (room, timestamp)");
            }
        }
    }

    /** V2: one profile per user, every fact optional, status and region kept consistent. */
    private static void checkProfiles(Statement sql) throws SQLException {
        sql.executeUpdate("INSERT INTO user_profile (user_id, birth_year, province, district, status, interests, updated_at) "
                + "VALUES ('alice', 2000, '서울', '마포구', 'JOB_SEEKER', '[\"주거\"]', CURRENT_TIMESTAMP)");
        sql.executeUpdate("INSERT INTO user_profile (user_id, interests, updated_at) VALUES ('bob', '[]', CURRENT_TIMESTAMP)");
        assertRejected(sql, "INSERT INTO user_profile (user_id, interests, updated_at) VALUES ('alice', '[]', CURRENT_TIMESTAMP)");
        assertRejected(sql, "INSERT INTO user_profile (user_id, status, interests, updated_at) "
                + "VALUES ('carol', 'ADMIN', '[]', CURRENT_TIMESTAMP)");
        assertRejected(sql, "INSERT INTO user_profile (user_id, district, interests, updated_at) "
                + "VALUES ('dave', '마포구', '[]', CURRENT_TIMESTAMP)");
        assertRejected(sql, "INSERT INTO user_profile (user_id, birth_year, interests, updated_at) "
                + "VALUES ('erin', 20000, '[]', CURRENT_TIMESTAMP)");
        try (ResultSet alice = sql.executeQuery("SELECT district, status FROM user_profile WHERE user_id = 'alice'")) {
            assertTrue(alice.next());
            assertEquals("마포구", alice.getString(1), "Hangul survives the round trip");
            assertEquals("JOB_SEEKER", alice.getString(2));
        }
    }

    private static String identifier(Connection db, String name) throws SQLException {
        return db.getMetaData().storesUpperCaseIdentifiers() ? name.toUpperCase() : name;
    }

    private static void assertRejected(Statement sql, String statement) {
        try {
            sql.executeUpdate(statement);
        } catch (SQLException expected) {
            return;
        }
        throw new AssertionError("accepted: " + statement);
    }
}
