package dev.ainfo.rooms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RoomsTest {

    @Test
    void titlesAreTrimmedDefaultedAndCappedAt100Characters() {
        assertEquals(Rooms.DEFAULT_TITLE, Rooms.titleOrDefault(null));
        assertEquals(Rooms.DEFAULT_TITLE, Rooms.titleOrDefault("   "));
        assertEquals("월세", Rooms.titleOrDefault("  월세 "));
        assertEquals("가".repeat(100), Rooms.titleOrDefault("가".repeat(100)));
        assertThrows(InvalidRoomTitle.class, () -> Rooms.titleOrDefault("가".repeat(101)));
        // Characters, not UTF-16 units: 100 emoji fit.
        assertEquals("😀".repeat(100), Rooms.titleOrDefault("😀".repeat(100)));
    }
}
