package dev.ainfo.knowledge.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Reads policy dumps as the 온통청년 Open API ({@code getPlcy}) returns them: CSV with the API's
 * column names, or JSON (the API's response, a bare array of items, or the simplified 2026 export),
 * from a file or every such file in a folder. Each record comes back as field name to text.
 */
public final class ApiDump {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiDump() {
    }

    public static List<Map<String, String>> read(Path source) {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source)) {
                List<Map<String, String>> all = new ArrayList<>();
                files.filter(ApiDump::isDump).sorted().forEach(f -> all.addAll(read(f)));
                return all;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = open(source)) {
            return source.getFileName().toString().toLowerCase().contains(".csv") ? csv(in) : json(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy dump " + source, e);
        }
    }

    static boolean isDump(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return Files.isRegularFile(file) && (name.endsWith(".csv") || name.endsWith(".json")
                || name.endsWith(".csv.gz") || name.endsWith(".json.gz"));
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
    }

    static List<Map<String, String>> csv(InputStream in) throws IOException {
        // The API's CSV exports start with a byte-order mark; cells hold line breaks inside quotes.
        Reader reader = new java.io.InputStreamReader(BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
        }
        return rows;
    }

    static List<Map<String, String>> json(InputStream in) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        collect(JSON.readTree(in), rows);
        return rows;
    }

    /** Finds policy items wherever the response nests them (result.youthPolicyList in the API). */
    private static void collect(JsonNode node, List<Map<String, String>> rows) {
        if (node.isArray()) {
            node.forEach(item -> collect(item, rows));
        } else if (node.isObject()) {
            if (node.has("plcyNo") || (node.has("id") && node.has("name"))) {
                rows.add(flat(node));
            } else {
                node.forEach(child -> collect(child, rows));
            }
        }
    }

    private static Map<String, String> flat(JsonNode item) {
        Map<String, String> row = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                List<String> parts = new ArrayList<>();
                value.forEach(v -> parts.add(v.asText()));
                row.put(field.getKey(), String.join(",", parts));
            } else {
                row.put(field.getKey(), value.asText());
            }
        }
        return row;
    }
}
