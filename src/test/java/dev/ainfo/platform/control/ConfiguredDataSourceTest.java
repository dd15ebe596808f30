package dev.ainfo.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database's own settings, on a real H2 file. */
class ConfiguredDataSourceTest {

    @Test
    void aWriteWaitsForARowAnotherTransactionHoldsLongerThanH2sDefault(@TempDir Path dataDir) throws Exception {
        String url = ConfiguredDataSource.embeddedUrl(dataDir);
        try (Connection holder = DriverManager.getConnection(url, "sa", "");
             Connection writer = DriverManager.getConnection(url, "sa", "")) {
            try (Statement setUp = holder.createStatement()) {
                setUp.execute("CREATE TABLE answer (id INT PRIMARY KEY, text VARCHAR(20))");
                setUp.execute("INSERT INTO answer VALUES (1, '')");
            }
            holder.setAutoCommit(false);
            try (Statement progress = holder.createStatement()) {
                progress.executeUpdate("UPDATE answer SET text = 'streamed' WHERE id = 1");
            }
            CompletableFuture<Integer> finish = CompletableFuture.supplyAsync(() -> {
                try (Statement last = writer.createStatement()) {
                    return last.executeUpdate("UPDATE answer SET text = 'complete' WHERE id = 1");
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            Thread.sleep(2500);
            assertFalse(finish.isDone(), "still waiting for the row, not failed after H2's default 2 s");
            holder.commit();
            assertEquals(1, finish.get(10, TimeUnit.SECONDS));
        }
    }
}
