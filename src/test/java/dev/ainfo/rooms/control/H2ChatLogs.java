package dev.ainfo.rooms.control;

import dev.ainfo.rooms.entity.ChatLog;
import dev.ainfo.rooms.entity.MessageStatus;
import dev.ainfo.rooms.entity.Source;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.flywaydb.core.Flyway;

/**
 * {@link ChatLogs} over a fresh in-memory H2 database with the project's Flyway schema and its own
 * persistence unit, made RESOURCE_LOCAL. Each call runs in its own transaction and persistence
 * context, as the container's would for the stateless bean, so nothing is read back from a cache.
 * Rows are checked with plain JDBC, past EclipseLink.
 */
public final class H2ChatLogs extends ChatLogs implements AutoCloseable {

    /** One stored message, as the table holds it. */
    public record Row(long id, long roomId, String role, String message, String status, String sources,
                      OffsetDateTime updatedAt) {
    }

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID();
    private final EntityManagerFactory factory;

    public H2ChatLogs() {
        // The database lives until close(); IFEXISTS keeps EclipseLink from opening a new, empty one after SHUTDOWN.
        Flyway.configure().dataSource(url + ";DB_CLOSE_DELAY=-1", "sa", "")
                .locations("classpath:db/migration").load().migrate();
        factory = Persistence.createEntityManagerFactory("ainfo", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.h2.Driver",
                "jakarta.persistence.jdbc.url", url + ";IFEXISTS=TRUE",
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", "",
                "eclipselink.logging.level", "OFF",
                "eclipselink.session.customizer", NoRetries.class.getName()));
    }

    /** EclipseLink retries a lost connection 3 times, 5 s apart: a test of a dead database need not wait. */
    public static final class NoRetries implements SessionCustomizer {
        @Override
        public void customize(Session session) {
            session.getLogin().setQueryRetryAttemptCount(0);
            session.getLogin().setDelayBetweenConnectionAttempts(0);
        }
    }

    @Override
    public long appendQuestionAndAnswer(long roomId, String question) {
        return inTransaction(() -> super.appendQuestionAndAnswer(roomId, question));
    }

    @Override
    public int progress(Map<Long, String> textByAnswer) {
        return inTransaction(() -> super.progress(textByAnswer));
    }

    @Override
    public boolean finish(long answerId, String text, MessageStatus status, List<Source> sources) {
        return inTransaction(() -> super.finish(answerId, text, status, sources));
    }

    @Override
    public int stopStale(Instant cutoff) {
        return inTransaction(() -> super.stopStale(cutoff));
    }

    private <T> T inTransaction(Supplier<T> work) {
        em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.get();
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
            em = null;
        }
    }

    /** A room to write into; its id. */
    public long newRoom(String owner) throws SQLException {
        try (Connection c = connect();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO chat_room (id, owner_id, title, created_at) VALUES (NEXT VALUE FOR chat_room_seq, ?, 't', ?)",
                     new String[] {"id"})) {
            insert.setString(1, owner);
            insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The room's messages in id order, read afresh. */
    public List<Row> rows(long roomId) throws SQLException {
        try (Connection c = connect();
             PreparedStatement select = c.prepareStatement(
                     "SELECT id, room_id, role, message, status, sources, updated_at FROM chat_log WHERE room_id = ? ORDER BY id")) {
            select.setLong(1, roomId);
            try (ResultSet rs = select.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
                }
                return rows;
            }
        }
    }

    /** Runs one statement directly, as another instance or an operator would. */
    public int execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** The database goes away under the open persistence unit. */
    public void shutDownDatabase() throws SQLException {
        try (Connection c = connect()) {
            c.createStatement().execute("SHUTDOWN");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    @Override
    public void close() throws SQLException {
        factory.close();
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "")) {
            c.createStatement().execute("SHUTDOWN");
        } catch (SQLException alreadyGone) {
            // shutDownDatabase() ran
        }
    }
}
