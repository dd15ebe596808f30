package dev.ainfo.platform.payara;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The runtime jars inside the Payara Micro jar of the ITs, for contract tests that start no server. */
final class PayaraRuntimeJars {

    static final String CHECKED_ON = "6.2025.10";

    private PayaraRuntimeJars() {
    }

    /** A temporary copy of MICRO-INF/runtime/{name}; the caller deletes it. */
    static Path copy(String name) throws IOException {
        // Only reads the jar; nothing here starts Payara Micro (which always gets --nohazelcast --disablephonehome).
        Path micro = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
        try (ZipFile jar = new ZipFile(micro.toFile())) {
            ZipEntry entry = jar.getEntry("MICRO-INF/runtime/" + name);
            if (entry == null) {
                throw new AssertionError("Payara Micro (checked on " + CHECKED_ON + ") no longer ships " + name);
            }
            Path copy = Files.createTempFile(name, ".jar");
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        }
    }

    /** The bytes of one class inside the given runtime jar. */
    static byte[] classBytes(String jarName, String className) throws IOException {
        Path jar = copy(jarName);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(className.replace('.', '/') + ".class");
            if (entry == null) {
                throw new AssertionError(jarName + " has no " + className);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } finally {
            Files.deleteIfExists(jar);
        }
    }
}
