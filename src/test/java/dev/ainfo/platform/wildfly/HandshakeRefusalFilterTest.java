package dev.ainfo.platform.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HandshakeRefusalFilterTest {

    @Test
    void theRoomIdIsTheLastSegmentWithOrWithoutATrailingSlash() {
        assertEquals("42", HandshakeRefusalFilter.roomIdOf("/ws/chat/42"));
        assertEquals("42", HandshakeRefusalFilter.roomIdOf("/ws/chat/42/"));
        assertEquals("%2e%2e%2f1", HandshakeRefusalFilter.roomIdOf("/ws/chat/%2e%2e%2f1"));
        assertEquals("x/../1", HandshakeRefusalFilter.roomIdOf("/ws/chat/x/../1"));
    }
}
