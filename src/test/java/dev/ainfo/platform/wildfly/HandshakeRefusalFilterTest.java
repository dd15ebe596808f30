package dev.ainfo.platform.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HandshakeRefusalFilterTest {

    @Test
    void theRoomIdIsTheLastSegmentWithOrWithoutATrailingSlash() {
        assertEquals("42", HandshakeRefusalFilter.roomIdOf("/ws/chat/42"));
        assertEquals("42", HandshakeRefusalFilter.roomIdOf("/ws/chat/42/"));
    }
}
