package dev.ainfo.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a multi-instance configuration must not fall back to. */
class InstanceSettingsTest {

    private static final String PG = "jdbc:postgresql://db:5432/ainfo";

    @Test
    void theEmbeddedDefaultsStartAsOneInstance() {
        InstanceSettings embedded = new InstanceSettings(null, 1, false, true);
        assertFalse(embedded.multiInstance());
        assertEquals(List.of(), embedded.problems());
        assertFalse(new InstanceSettings("jdbc:h2:file:/data/db/ainfo", 1, false, true).multiInstance());
    }

    @Test
    void aSharedDatabaseWithAnInstancesOwnRedisOrIssuerIsRefused() {
        List<String> problems = new InstanceSettings(PG, 1, false, true).problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("ainfo.redis.url"), problems.get(0));
        assertTrue(problems.get(1).contains("mp.jwt.verify.publickey.location"), problems.get(1));
        assertTrue(new InstanceSettings("jdbc:h2:tcp://db/ainfo", 1, true, true).multiInstance(), "an H2 server is shared");
    }

    @Test
    void severalInstancesNeedASharedDatabase() {
        List<String> problems = new InstanceSettings(null, 3, true, false).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("ainfo.instances is 3"), problems.get(0));
    }

    @Test
    void aProductionConfigurationStarts() {
        assertEquals(List.of(), new InstanceSettings(PG, 3, true, false).problems());
        assertTrue(new InstanceSettings(PG, 1, true, false).multiInstance());
    }
}
