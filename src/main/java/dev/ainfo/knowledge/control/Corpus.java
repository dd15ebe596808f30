package dev.ainfo.knowledge.control;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ainfo.knowledge.entity.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The policy records: the cleaned corpus shipped in the WAR, or a fresh dump in the raw API format
 * that an operator points {@code ainfo.knowledge.source} at.
 */
public final class Corpus {

    public static final String SHIPPED = "knowledge/policies.json.gz";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {
    }

    public static List<Policy> shipped() {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the shipped corpus " + SHIPPED + " is missing");
            }
            return JSON.readValue(new GZIPInputStream(in), new TypeReference<List<Policy>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A raw API dump (file or folder); the cleaned shipped format is read as it is. */
    public static List<Policy> from(Path source) {
        if (!Files.exists(source)) {
            throw new IllegalArgumentException("ainfo.knowledge.source does not exist: " + source);
        }
        if (source.getFileName().toString().endsWith(".json.gz") && isCleaned(source)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(source))) {
                return JSON.readValue(in, new TypeReference<List<Policy>>() { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Policy> policies = PolicyRecords.fromRows(ApiDump.read(source));
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("no policy records in " + source);
        }
        return policies;
    }

    private static boolean isCleaned(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] head = in.readNBytes(200);
            return new String(head, java.nio.charset.StandardCharsets.UTF_8).contains("\"title\"");
        } catch (IOException e) {
            return false;
        }
    }

    public static void write(List<Policy> policies, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            JSON.writeValue(out, policies);
        }
    }

    /** Regenerates the shipped corpus: {@code Corpus <dump file or folder>... <target.json.gz>}. */
    public static void main(String[] args) throws IOException {
        List<java.util.Map<String, String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < args.length - 1; i++) {
            rows.addAll(ApiDump.read(Path.of(args[i])));
        }
        List<Policy> policies = PolicyRecords.fromRows(rows);
        write(policies, Path.of(args[args.length - 1]));
        System.out.println(policies.size() + " policies written to " + args[args.length - 1]);
    }
}
