package dev.ainfo.platform.payara;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link LeanContextCapture} to Payara Micro 6.2025.10: its context set-up for managed tasks
 * ({@code ContextSetupProviderImpl}) looks thread-context providers up with a {@code ServiceLoader},
 * the per-task scan the wrapper answers with nothing. If Payara stops doing so, the wrapper is moot and
 * can go; this fails to say so. Read from the class file; no server is started.
 */
class LeanContextCaptureContractIT {

    @Test
    void payarasContextSetUpLoadsThreadContextProvidersThroughServiceLoader() throws Exception {
        String constants = new String(PayaraRuntimeJars.classBytes("concurrent-impl.jar",
                "org.glassfish.concurrent.runtime.ContextSetupProviderImpl"), StandardCharsets.ISO_8859_1);
        assertTrue(constants.contains("java/util/ServiceLoader"), "uses ServiceLoader");
        assertTrue(constants.contains("jakarta/enterprise/concurrent/spi/ThreadContextProvider"),
                "for " + LeanContextCapture.PROVIDERS);
    }
}
