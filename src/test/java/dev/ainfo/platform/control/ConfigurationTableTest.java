package dev.ainfo.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table is the one reference: every key the code reads is in it, with
 * the environment variable MicroProfile Config derives, and the same default as the code's
 * {@code @ConfigProperty} and {@code microprofile-config.properties}.
 *
 * <p>Keys are found in the source: every {@code @ConfigProperty} and every string literal shaped like
 * {@code "ainfo.x"} or {@code "mp.jwt.x"} (so other dotted {@code ainfo.} literals, such as metric
 * names, use underscores instead).
 */
class ConfigurationTableTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path DEFAULTS = Path.of("src/main/resources/META-INF/microprofile-config.properties");
    private static final Pattern ANNOTATED = Pattern.compile(
            "@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"\\s*(?:,\\s*defaultValue\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\")?");
    private static final Pattern LITERAL = Pattern.compile("\"((?:ainfo|mp\\.jwt)\\.[a-z0-9-]+(?:\\.[a-z0-9-]+)*)\"");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|([^|]*)\\|");

    private static Set<String> readByCode;
    private static Map<String, List<String>> codeDefaults;
    private static Properties shipped;
    private static Map<String, Row> table;

    record Row(String env, String defaultCell) {
        /** The default as a value: the leading code span, "empty" as "", or null for a description. */
        String value() {
            String cell = defaultCell.strip();
            if (cell.equals("empty")) {
                return "";
            }
            if (cell.startsWith("`")) {
                return cell.substring(1, cell.indexOf('`', 1));
            }
            return null;
        }
    }

    @BeforeAll
    static void read() throws IOException {
        readByCode = new TreeSet<>();
        codeDefaults = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher annotated = ANNOTATED.matcher(source);
                while (annotated.find()) {
                    readByCode.add(annotated.group(1));
                    if (annotated.group(2) != null) {
                        codeDefaults.computeIfAbsent(annotated.group(1), k -> new ArrayList<>())
                                .add(annotated.group(2).replace("\\\\", "\\") + " (" + file.getFileName() + ")");
                    }
                }
                Matcher literal = LITERAL.matcher(source);
                while (literal.find()) {
                    readByCode.add(literal.group(1));
                }
            }
        }
        shipped = new Properties();
        try (Reader in = Files.newBufferedReader(DEFAULTS, StandardCharsets.ISO_8859_1)) {
            shipped.load(in);
        }
        table = new HashMap<>();
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int start = readme.indexOf("## Configuration");
        assertTrue(start >= 0, "README has a '## Configuration' section");
        for (String line : readme.subList(start + 1, readme.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                Row previous = table.put(row.group(1), new Row(row.group(2), row.group(3)));
                assertEquals(null, previous, "README lists " + row.group(1) + " twice");
            }
        }
        assertTrue(table.size() > 50, "the configuration table was found: " + table.size() + " rows");
    }

    @Test
    void everyKeyTheCodeReadsIsDocumented() {
        Set<String> missing = new TreeSet<>(readByCode);
        missing.removeAll(table.keySet());
        assertEquals(Set.of(), missing, "keys read by the code but missing from the README's configuration table");
    }

    @Test
    void everyDocumentedKeyIsReadByTheCode() {
        Set<String> stale = new TreeSet<>(table.keySet());
        stale.removeAll(readByCode);
        stale.removeAll(shipped.stringPropertyNames()); // MicroProfile keys the server reads, such as mp.openapi.filter
        assertEquals(Set.of(), stale, "README rows for keys no code reads");
    }

    @Test
    void everyShippedDefaultIsDocumentedWithItsValue() {
        for (String key : shipped.stringPropertyNames()) {
            Row row = table.get(key);
            assertFalse(row == null, key + " is in microprofile-config.properties but not in the README");
            assertEquals(shipped.getProperty(key), row.value(), "README default of " + key);
        }
    }

    @Test
    void codeDefaultsEqualTheShippedDefaultsAndTheReadme() {
        codeDefaults.forEach((key, defaults) -> {
            for (String withPlace : defaults) {
                String value = withPlace.substring(0, withPlace.lastIndexOf(" ("));
                assertEquals(value, shipped.getProperty(key),
                        "microprofile-config.properties default of " + key + " against " + withPlace);
                assertEquals(value, table.get(key) == null ? null : table.get(key).value(),
                        "README default of " + key + " against " + withPlace);
            }
        });
    }

    @Test
    void environmentVariablesFollowMicroProfilesRule() {
        table.forEach((key, row) -> assertEquals(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT), row.env(),
                "environment variable of " + key));
    }
}
