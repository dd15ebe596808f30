package dev.ainfo.platform.payara;

import dev.ainfo.platform.control.ServerSpecifics;
import jakarta.websocket.HandshakeResponse;

/**
 * Payara Micro 6 (checked on 6.2025.10, Tyrus 2.1.x): the handshake status through Tyrus, Tyrus'
 * per-frame idle timer taken off each chat socket, and managed tasks submitted without Payara's
 * class-path scan per task. Loaded only where Tyrus is visible ({@code Servers}).
 */
public final class PayaraSpecifics implements ServerSpecifics {

    @Override
    public String name() {
        return "Payara (Tyrus)";
    }

    @Override
    public void refuseHandshake(HandshakeResponse response, int status) {
        TyrusHandshakeStatus.apply(response, status);
    }

    @Override
    public void socketOpened(Object session) {
        IdleTimerBypass.apply(session);
    }

    @Override
    public void submitting(Runnable submit) {
        LeanContextCapture.run(submit);
    }
}
