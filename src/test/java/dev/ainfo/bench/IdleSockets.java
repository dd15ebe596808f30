package dev.ainfo.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many idle, authenticated chat sockets from one JVM. The JDK WebSocket client costs too much per
 * socket for 10,000 of them, so this speaks just enough RFC 6455 over plain sockets: the upgrade
 * request, the 101 answer and the history frame. Then each socket sits idle until closed.
 */
final class IdleSockets implements AutoCloseable {

    record Target(long roomId, String token) {
    }

    private final int port;
    private final ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();
    final Latencies handshake = new Latencies();
    final Latencies history = new Latencies();
    final Map<String, Integer> errors = new ConcurrentHashMap<>();

    IdleSockets(int port) {
        this.port = port;
    }

    int openCount() {
        return open.size();
    }

    /** Opens one socket per target with a few threads; every connect is bounded by a 30 s timeout. */
    void openAll(List<Target> targets, int threads, long deadlineNanos) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < targets.size() && System.nanoTime() < deadlineNanos) {
                    openOne(targets.get(i));
                }
            }, "idle-opener-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000 + 60_000));
        }
    }

    private void openOne(Target target) {
        long start = System.nanoTime();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 30_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws/chat/" + target.roomId() + "?token=" + target.token() + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1024);
            String head = readHead(in);
            if (!head.startsWith("HTTP/1.1 101")) {
                count("handshake:" + head.lines().findFirst().orElse("?"));
                socket.close();
                return;
            }
            handshake.add(System.nanoTime() - start);
            String frame = readTextFrame(in);
            if (!frame.startsWith("{\"type\":\"history\"")) {
                count("first-frame-not-history");
                socket.close();
                return;
            }
            history.add(System.nanoTime() - start);
            socket.setSoTimeout(0);
            open.add(socket);
        } catch (IOException e) {
            count("io:" + e.getClass().getSimpleName());
            try {
                socket.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

    private void count(String kind) {
        errors.merge(kind, 1, Integer::sum);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 16_384 && !(head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake");
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static String readTextFrame(InputStream in) throws IOException {
        int b0 = in.read();
        int b1 = in.read();
        if (b0 < 0 || b1 < 0) {
            throw new IOException("closed before the first frame");
        }
        long length = b1 & 0x7f;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | in.read();
            }
        }
        byte[] payload = in.readNBytes((int) Math.min(length, 1 << 20));
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        Socket socket;
        while ((socket = open.poll()) != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
