package dev.ainfo.auth.control;

/** The token is missing, malformed, forged, expired or from another issuer. The message is for logs only. */
public class InvalidToken extends Exception {
    public InvalidToken(String message) {
        super(message);
    }

    public InvalidToken(String message, Throwable cause) {
        super(message, cause);
    }
}
