package dev.ainfo.auth.entity;

/** The outcome of a WebSocket handshake check: a caller and room, or an HTTP status to refuse with. */
public record HandshakeVerdict(Caller caller, long roomId, int refusalStatus, String reason) {

    public static final int UNAUTHORIZED = 401;
    public static final int FORBIDDEN = 403;

    public static HandshakeVerdict accept(Caller caller, long roomId) {
        return new HandshakeVerdict(caller, roomId, 0, null);
    }

    public static HandshakeVerdict refuse(int status, String reason) {
        return new HandshakeVerdict(null, 0, status, reason);
    }

    public boolean accepted() {
        return caller != null;
    }
}
