package dev.ainfo.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLinesTest {

    private static LogRecord record(String message, Object... parameters) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName("dev.ainfo.chat.control.Conversation");
        record.setParameters(parameters);
        return record;
    }

    @Test
    void aJsonLineCarriesTheContextOfTheThreadThatLogs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogLines lines = new LogLines(true, out);
        try (LogContext.Scope ignored = LogContext.enter(new LogContext.Fields("alice", 42L, "s-1", "r-9"))) {
            LogRecord record = record("could not store an answer for room {0}", 42);
            record.setThrown(new IllegalStateException("database down"));
            lines.publish(record);
        }
        lines.publish(record("no context here"));
        String[] written = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, written.length, "one line per record, the stack trace inside");
        JsonNode line = new ObjectMapper().readTree(written[0]);
        assertEquals("WARNING", line.path("level").asText());
        assertEquals("dev.ainfo.chat.control.Conversation", line.path("logger").asText());
        assertEquals("could not store an answer for room 42", line.path("event").asText());
        assertEquals("alice", line.path("user").asText());
        assertEquals(42, line.path("room").asLong());
        assertEquals("s-1", line.path("socket").asText());
        assertEquals("r-9", line.path("request").asText());
        assertTrue(line.path("error").asText().startsWith("java.lang.IllegalStateException: database down"));
        assertTrue(line.path("time").asText().endsWith("Z"));
        assertTrue(new ObjectMapper().readTree(written[1]).path("user").isMissingNode(), "the context was restored");
    }

    @Test
    void plainLinesAreOneLinePerRecordWithTheContext() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogLines lines = new LogLines(false, out);
        try (LogContext.Scope ignored = LogContext.enter(new LogContext.Fields("bob", 7L, "s-2", null))) {
            lines.publish(record("memory updated"));
        }
        String line = out.toString(StandardCharsets.UTF_8);
        assertTrue(line.contains(" WARNING dev.ainfo.chat.control.Conversation: memory updated [user=bob room=7 socket=s-2 request=null]"), line);
    }

    @Test
    void tokensAndKeysAreMaskedEvenWhenAMessageCarriesThem() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXBhcnQ";
        String masked = LogLines.mask("refused " + jwt + " with Authorization: Bearer abc.def-ghi and key sk-proj-1234567890abcdef");
        assertFalse(masked.contains("eyJzdWIiOiJhbGljZSJ9"), masked);
        assertFalse(masked.contains("abc.def-ghi"), masked);
        assertFalse(masked.contains("1234567890abcdef"), masked);
        assertTrue(masked.startsWith("refused *** with Authorization: Bearer ***"), masked);
    }

    @Test
    void workHandedToAnotherThreadKeepsTheContext() throws Exception {
        LogContext.Fields[] seen = new LogContext.Fields[1];
        Runnable task;
        try (LogContext.Scope ignored = LogContext.enter(new LogContext.Fields("carol", 1L, "s", "r"))) {
            task = LogContext.wrap(() -> seen[0] = LogContext.current());
        }
        Thread other = new Thread(task);
        other.start();
        other.join();
        assertEquals("carol", seen[0].user());
    }
}
