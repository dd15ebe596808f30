package dev.ainfo.platform.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeanContextCaptureTest {

    @TempDir
    Path dir;

    @Test
    void hidesOnlyTheThreadContextProviderLookupAndRestoresTheLoader() throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("jakarta.enterprise.concurrent.spi.ThreadContextProvider"), "x.Provider\n");
        Files.writeString(services.resolve("other.Service"), "x.Other\n");
        try (URLClassLoader app = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            assertTrue(app.getResources(LeanContextCapture.PROVIDERS).hasMoreElements(), "the usual loader sees the file");
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(app);
            AtomicReference<ClassLoader> during = new AtomicReference<>();
            try {
                LeanContextCapture.run(() -> during.set(thread.getContextClassLoader()));
                assertSame(app, thread.getContextClassLoader(), "restored afterwards");
            } finally {
                thread.setContextClassLoader(before);
            }
            ClassLoader lean = during.get();
            assertFalse(lean.getResources(LeanContextCapture.PROVIDERS).hasMoreElements());
            assertTrue(lean.getResources("META-INF/services/other.Service").hasMoreElements());
            assertEquals(LeanContextCaptureTest.class, lean.loadClass(LeanContextCaptureTest.class.getName()));
            assertSame(app, lean.getParent());
        }
    }
}
