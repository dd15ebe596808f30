package dev.ainfo.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what the server prints while it is open: the Payara Micro container prints the server's
 * output lines on this JVM's {@code System.out}, which is teed here (and still printed).
 */
public final class LogCapture implements AutoCloseable {

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private LogCapture() {
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (captured) {
                    captured.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (captured) {
                    captured.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    /** The first captured line that contains {@code text}, waiting up to {@code timeout} for it. */
    public String await(String text, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : text().split("\n")) {
                if (line.contains(text)) {
                    return line.strip();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line with " + text + " within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
