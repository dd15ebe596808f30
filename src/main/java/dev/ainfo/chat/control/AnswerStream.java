package dev.ainfo.chat.control;

import dev.ainfo.chat.entity.ErrorCode;
import dev.ainfo.chat.entity.Frame;
import dev.ainfo.platform.control.AppMetrics;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single writer of one WebSocket session. Frames leave in order, one at a time, through
 * {@link RemoteEndpoint.Async}. While a send is outstanding, streamed deltas merge into the last
 * queued chunk, so a slow reader gets fewer, larger chunks instead of an unbounded queue. Chunks
 * also leave at most once per chunk interval (any other frame flushes the held one at once): every
 * frame costs the container a scheduled task, and 20 frames a second already read as live typing.
 */
public class AnswerStream {

    private static final Logger LOG = Logger.getLogger(AnswerStream.class.getName());
    private static final byte[] PING = "ainfo".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static {
        // A series per error code from the start, so rates and alerts see zeros rather than nothing.
        for (ErrorCode code : ErrorCode.values()) {
            AppMetrics.errorFrames(code.wireName());
        }
    }

    private final Session session;
    private final RemoteEndpoint.Async remote;
    private final int maxPendingChars;
    private final Consumer<Throwable> onWriteFailure;
    private final long chunkIntervalNanos;
    private long lastChunkNanos;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private int pendingChars;
    private boolean sending;
    private long sendingSinceNanos;
    private long lastDeltaNanos;
    private boolean streamingAnswer;
    /** Since when the client's reading has gone unproved: the answer's first delta, or the last ping. */
    private long unprovedSinceNanos;
    private long pingSentNanos;
    private boolean pingOutstanding;
    private boolean broken;
    private boolean opened;
    /** The last frame from the client, pong, or completed send: what the idle timeout measures from. */
    private long lastActivityNanos = System.nanoTime();

    public AnswerStream(Session session, long sendTimeoutMillis, int maxPendingChars, long chunkIntervalMillis,
                        Consumer<Throwable> onWriteFailure) {
        this.session = session;
        this.chunkIntervalNanos = TimeUnit.MILLISECONDS.toNanos(chunkIntervalMillis);
        // nanoTime has an arbitrary origin: the first chunk must find its interval already over.
        this.lastChunkNanos = System.nanoTime() - chunkIntervalNanos;
        this.remote = session.getAsyncRemote();
        this.remote.setSendTimeout(sendTimeoutMillis);
        this.maxPendingChars = maxPendingChars;
        this.onWriteFailure = onWriteFailure;
    }

    /** Queues a piece of the answer; merges with the previous piece if that has not left yet. */
    public void delta(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        boolean overflow;
        synchronized (this) {
            if (broken) {
                return;
            }
            if (queue.peekLast() instanceof StringBuilder pending) {
                pending.append(text);
            } else {
                queue.addLast(new StringBuilder(text));
            }
            pendingChars += text.length();
            lastDeltaNanos = System.nanoTime();
            if (!streamingAnswer) {
                streamingAnswer = true;
                unprovedSinceNanos = lastDeltaNanos;
            }
            overflow = pendingChars > maxPendingChars;
            if (!overflow) {
                pump();
            }
        }
        if (overflow) {
            fail(new IOException("the client is not reading: " + pendingChars + " characters pending"));
        }
    }

    /** Sends the socket's first frame; frames queued before it wait, so it always leaves first. */
    public void open(Frame first) {
        if (first instanceof Frame.Error error) {
            AppMetrics.errorFrame(error.code());
        }
        synchronized (this) {
            if (broken) {
                return;
            }
            queue.addFirst(first);
            opened = true;
            pump();
        }
    }

    public void send(Frame frame) {
        if (frame instanceof Frame.Error error) {
            AppMetrics.errorFrame(error.code());
        }
        synchronized (this) {
            if (broken) {
                return;
            }
            streamingAnswer = false; // a frame other than a chunk ends the answer's stream
            queue.addLast(frame);
            pump();
        }
    }

    /** What the heartbeat found. */
    public enum Beat { READING, STALLED, IDLE }

    /**
     * Run by the heartbeat: judges whether the client still reads (no write stalled past the send
     * timeout, pings answered while streaming) and whether any frame went either way within the idle
     * timeout; if all is well, sends a chunk whose interval is over.
     */
    public Beat beat(long sendTimeoutNanos, long idleTimeoutNanos) {
        if (stalledNanos() > sendTimeoutNanos || !probe(sendTimeoutNanos)) {
            return Beat.STALLED;
        }
        synchronized (this) {
            if (System.nanoTime() - lastActivityNanos > idleTimeoutNanos) {
                return Beat.IDLE;
            }
            pump();
        }
        return Beat.READING;
    }

    /** How long the frame being written has waited for the client; zero when nothing is pending. */
    private synchronized long stalledNanos() {
        return sending && !broken ? System.nanoTime() - sendingSinceNanos : 0;
    }

    /**
     * Whether the client still reads, checked while an answer streams for longer than a third of the
     * timeout. A completed send only means the container queued the frame, so liveness is proved by a
     * ping answered with a pong: a client that reads nothing never answers. Returns false once the
     * client is judged gone.
     */
    private boolean probe(long timeoutNanos) {
        long now = System.nanoTime();
        boolean ping;
        synchronized (this) {
            if (broken) {
                return false;
            }
            if (pingOutstanding && now - pingSentNanos > timeoutNanos) {
                return false;
            }
            // Only a long stream needs the proof: a short answer is over before a stalled reader matters.
            // Pinging every socket that had streamed lately cost three pongs per answer under load.
            boolean streaming = streamingAnswer && now - lastDeltaNanos < timeoutNanos;
            ping = streaming && !pingOutstanding && now - unprovedSinceNanos > timeoutNanos / 3;
            if (ping) {
                pingOutstanding = true;
                pingSentNanos = now;
                unprovedSinceNanos = now;
            }
        }
        if (ping) {
            try {
                ping();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "ping failed", e);
            }
        }
        return true;
    }

    private void ping() {
        try {
            remote.sendPing(ByteBuffer.wrap(PING));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client answered a ping, so it is reading. */
    public synchronized void ponged() {
        pingOutstanding = false;
        lastActivityNanos = System.nanoTime();
    }

    /** The client sent a frame. */
    public synchronized void received() {
        lastActivityNanos = System.nanoTime();
    }

    /** Gives up on a client that stopped reading: pending frames are dropped and the owner told. */
    public void abandon(String why) {
        fail(new IOException(why));
    }

    public synchronized boolean isBroken() {
        return broken;
    }

    public Session session() {
        return session;
    }

    public void close(CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }

    // Called with the lock held.
    private void pump() {
        if (!opened || sending || broken || queue.isEmpty() || !session.isOpen()) {
            return;
        }
        long now = System.nanoTime();
        if (queue.size() == 1 && queue.peekFirst() instanceof StringBuilder && now - lastChunkNanos < chunkIntervalNanos) {
            return; // held: the next delta, frame or heartbeat sends it
        }
        Object next = queue.pollFirst();
        String json;
        if (next instanceof StringBuilder chunk) {
            pendingChars -= chunk.length();
            lastChunkNanos = now;
            json = FrameCodec.encode(new Frame.Chunk(chunk.toString()));
        } else {
            json = FrameCodec.encode((Frame) next);
        }
        sending = true;
        sendingSinceNanos = now;
        try {
            remote.sendText(json, this::sent);
        } catch (RuntimeException e) {
            sending = false;
            broken = true;
            queue.clear();
            onWriteFailure.accept(e);
        }
    }

    private void sent(SendResult result) {
        if (result.isOK()) {
            synchronized (this) {
                sending = false;
                lastActivityNanos = System.nanoTime();
                pump();
            }
        } else {
            fail(result.getException());
        }
    }

    private void fail(Throwable cause) {
        synchronized (this) {
            if (broken) {
                return;
            }
            broken = true;
            sending = false;
            queue.clear();
        }
        onWriteFailure.accept(cause);
    }
}
