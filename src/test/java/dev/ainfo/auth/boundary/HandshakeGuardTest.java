package dev.ainfo.auth.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ainfo.auth.control.RoomIds;
import java.net.URI;
import org.junit.jupiter.api.Test;

class HandshakeGuardTest {

    @Test
    void theRoomIdIsTheRawLastSegment() {
        assertEquals("42", HandshakeGuard.roomIdOf(URI.create("/ws/chat/42")));
        assertEquals("42", HandshakeGuard.roomIdOf(URI.create("/ws/chat/42/")));
        assertEquals("%2e%2e%2f1", HandshakeGuard.roomIdOf(URI.create("/ws/chat/%2e%2e%2f1")));
        assertEquals("../1", HandshakeGuard.roomIdOf(URI.create("/ws/chat/../1")));
        assertEquals("42", HandshakeGuard.roomIdOf(URI.create("/ainfo/ws/chat/42")));
        for (String path : new String[] {"/ws/chat/%2e%2e%2f1", "/ws/chat/../1", "/ws/chat/x/../1", "/ws/chat/", "/ws/chat/%31", "/ws/chat/1%2f2", "/ws/chat/1;x=2", "/ws/chat/%201", "/ws/chat/042", "/elsewhere/1"}) {
            assertTrue(RoomIds.parse(HandshakeGuard.roomIdOf(URI.create(path))).isEmpty(), path);
        }
    }
}
