package dev.ainfo.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoomIdsTest {

    @Test
    void onlyPositiveLongsAreRoomIds() {
        assertEquals(Optional.of(42L), RoomIds.parse("42"));
        assertEquals(Optional.of(Long.MAX_VALUE), RoomIds.parse(String.valueOf(Long.MAX_VALUE)));
        for (String bad : List.of("0", "-1", "+1", "1.0", "abc", "", " 1", "9223372036854775808", "99999999999999999999", "042", "00", "%31", "../1")) {
            assertTrue(RoomIds.parse(bad).isEmpty(), bad);
        }
        assertTrue(RoomIds.parse(null).isEmpty());
    }
}
