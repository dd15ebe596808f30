package dev.ainfo.knowledge.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PoliciesResourceTest {

    @Test
    void kMustBeAWholeNumberInRange() {
        assertEquals(10, PoliciesResource.count("10"));
        assertEquals(1, PoliciesResource.count(" 1 "));
        for (String bad : new String[] {"0", "51", "-3", "abc", "2.5", ""}) {
            assertThrows(IllegalArgumentException.class, () -> PoliciesResource.count(bad), bad);
        }
    }
}
