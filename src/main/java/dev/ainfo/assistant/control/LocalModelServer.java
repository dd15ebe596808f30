package dev.ainfo.assistant.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;

/**
 * A loopback-only OpenAI-compatible endpoint that answers every chat request with the same stream of
 * server-sent events, so the warm-up runs the real model client (the JDK HTTP client, the event
 * parsing, langchain4j's chunk handling) without calling, or paying for, the real model. HTTP/1.1
 * with keep-alive, one thread per connection (the warm-up opens a few).
 */
final class LocalModelServer implements AutoCloseable {

    private final ServerSocket socket;
    private final byte[] response;
    private final ThreadFactory threads;
    private final java.util.Set<Socket> connections = java.util.concurrent.ConcurrentHashMap.newKeySet();

    LocalModelServer(List<String> tokens, ThreadFactory threads) throws IOException {
        // 127.0.0.1 by address, not InetAddress.getLoopbackAddress(): inside Payara Micro on JDK 25
        // (which sets java.net.preferIPv4Stack at run time) that returned ::1, and the client,
        // connecting to 127.0.0.1, was refused.
        this.socket = new ServerSocket(0, 16, InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}));
        this.threads = threads;
        StringBuilder body = new StringBuilder();
        for (String token : tokens) {
            body.append(event("{\"role\":\"assistant\",\"content\":\"" + token.replace("\"", "\\\"") + "\"}", "null"));
        }
        body.append(event("{}", "\"stop\"")).append("data: [DONE]\n\n");
        byte[] events = body.toString().getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: " + events.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.response = new byte[head.length + events.length];
        System.arraycopy(head, 0, response, 0, head.length);
        System.arraycopy(events, 0, response, head.length, events.length);
        threads.newThread(this::accept).start();
    }

    /** The base URL for an OpenAI client. */
    String baseUrl() {
        return "http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort() + "/v1";
    }

    private static String event(String delta, String finishReason) {
        return "data: {\"id\":\"warmup\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"warmup\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}\n\n";
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                threads.newThread(() -> serve(connection)).start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Reads each request (headers, then Content-Length bytes of body) and writes the stream. */
    private void serve(Socket connection) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = connection.getOutputStream()) {
            while (true) {
                long length = -1;
                String line;
                while (!(line = readLine(in)).isEmpty()) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(lower.substring(15).strip());
                    }
                }
                if (length < 0) {
                    return; // end of stream, or a request we do not serve
                }
                in.skipNBytes(length);
                out.write(response);
                out.flush();
            }
        } catch (IOException | RuntimeException closed) {
            // the client closed its connection
        } finally {
            connections.remove(connection);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                return "";
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : connections) {
            connection.close(); // ends its thread, blocked reading the next request
        }
    }
}
