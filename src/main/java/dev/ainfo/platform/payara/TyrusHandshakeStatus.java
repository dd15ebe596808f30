package dev.ainfo.platform.payara;

import jakarta.websocket.HandshakeResponse;
import java.util.List;
import org.glassfish.tyrus.spi.UpgradeResponse;

/**
 * Answers a refused WebSocket handshake with an HTTP status on Tyrus, whose handshake response is
 * its {@link UpgradeResponse}. Jakarta WebSocket has no way to do it. Checked on Payara Micro
 * 6.2025.10 (Tyrus 2.1.x); {@code TyrusHandshakeStatusContractIT} pins it.
 */
final class TyrusHandshakeStatus {

    static final int UNAUTHORIZED = 401;

    private TyrusHandshakeStatus() {
    }

    /** True if the status was set; false if this is not Tyrus' response. */
    static boolean apply(HandshakeResponse response, int status) {
        if (!(response instanceof UpgradeResponse upgrade)) {
            return false;
        }
        upgrade.setStatus(status);
        if (status == UNAUTHORIZED) {
            upgrade.getHeaders().put("WWW-Authenticate", List.of("Bearer"));
        }
        return true;
    }
}
