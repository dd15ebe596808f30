package dev.ainfo.platform.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * The application's log lines on standard output: one JSON object per line ({@code ainfo.log.format=json})
 * or one plain line, each with time, level, logger, event, and the {@link LogContext} (user, room,
 * socket, request). The code logs ids and outcomes, never message text; as a second line of defence,
 * anything shaped like a JWT, a bearer token or an API key is masked.
 */
public final class LogLines extends Handler {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern SECRETS = Pattern.compile(
            "eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*|(?i)(bearer\\s+)[A-Za-z0-9._~+/-]+=*|sk-[A-Za-z0-9_-]{8,}");

    private final boolean json;
    private final OutputStream out;
    private final Formatter messages = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    public LogLines(boolean json) {
        this(json, new FileOutputStream(FileDescriptor.out));
    }

    LogLines(boolean json, OutputStream out) {
        this.json = json;
        // Straight to the process's standard output: a server that captures System.out would wrap each line.
        this.out = out;
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String line = line(record, LogContext.current());
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                reportError("could not write a log line", e, 0);
            }
        }
    }

    String line(LogRecord record, LogContext.Fields context) {
        String event = mask(messages.format(record));
        String error = record.getThrown() == null ? null : mask(stackTrace(record.getThrown()));
        return json ? json(record, context, event, error) : plain(record, context, event, error);
    }

    private static String json(LogRecord record, LogContext.Fields context, String event, String error) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("time", Instant.ofEpochMilli(record.getMillis()).toString());
            out.writeStringField("level", record.getLevel().getName());
            out.writeStringField("logger", record.getLoggerName());
            out.writeStringField("event", event);
            if (context != null) {
                writeIfSet(out, "user", context.user());
                if (context.room() != null) {
                    out.writeNumberField("room", context.room());
                }
                writeIfSet(out, "socket", context.socket());
                writeIfSet(out, "request", context.request());
            }
            out.writeStringField("thread", Thread.currentThread().getName());
            writeIfSet(out, "error", error);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String plain(LogRecord record, LogContext.Fields context, String event, String error) {
        StringBuilder line = new StringBuilder().append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                .append(record.getLevel().getName()).append(' ').append(record.getLoggerName()).append(": ").append(event);
        if (context != null) {
            line.append(" [user=").append(context.user()).append(" room=").append(context.room())
                    .append(" socket=").append(context.socket()).append(" request=").append(context.request()).append(']');
        }
        if (error != null) {
            line.append('\n').append(error.stripTrailing());
        }
        return line.toString();
    }

    private static void writeIfSet(JsonGenerator out, String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    static String mask(String text) {
        return text == null ? null : SECRETS.matcher(text).replaceAll(m -> m.group(1) != null ? m.group(1) + "***" : "***");
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            reportError("could not flush", e, 0);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
