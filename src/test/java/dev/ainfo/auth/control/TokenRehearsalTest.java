package dev.ainfo.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ainfo.auth.entity.Caller;
import dev.ainfo.testing.TestKeys;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRehearsalTest {

    @Test
    void itsTokenPassesTheRealRules() throws Exception {
        Caller caller = TokenRehearsal.create(Duration.ofMinutes(5)).verifyOnce();
        assertEquals("warmup", caller.userId());
        assertEquals(Set.of("user"), caller.groups());
    }

    @Test
    void itsKeyOpensNothingElse() throws Exception {
        // The configured verifier refuses the rehearsal's token: its key is nobody's.
        TokenVerifier real = TokenVerifierTest.verifier(Optional.of(TestKeys.publicPem(TestKeys.RSA)), Optional.empty(),
                "RS256", Optional.empty());
        TokenRehearsal rehearsal = TokenRehearsal.create(Duration.ofMinutes(5));
        assertEquals("warmup", rehearsal.verifyOnce().userId());
        assertThrows(InvalidToken.class, () -> real.verify(rehearsal.token()));
    }

    @Test
    void anExpiredRehearsalTokenIsRefusedLikeAnyOther() throws Exception {
        TokenRehearsal expired = TokenRehearsal.create(Duration.ofMinutes(-5));
        assertThrows(InvalidToken.class, expired::verifyOnce);
    }
}
