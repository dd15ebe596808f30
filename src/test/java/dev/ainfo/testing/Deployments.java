package dev.ainfo.testing;

import dev.ainfo.platform.control.ConfiguredDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Deployments for container tests: the real WAR that Maven built, with test settings appended to
 * its MicroProfile Config defaults (later lines win), so tests exercise exactly what ships.
 */
public final class Deployments {

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private Deployments() {
    }

    public static WebArchive war(String name, Map<String, String> settings) {
        Path war = Path.of(System.getProperty("ainfo.war", "target/ainfo.war"));
        if (!Files.exists(war)) {
            throw new IllegalStateException(war + " is missing: run the package phase first");
        }
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, "ainfo.war").importFrom(war.toFile()).as(WebArchive.class);
        Map<String, String> all = new TreeMap<>(defaults(name));
        all.putAll(settings);
        StringBuilder config = new StringBuilder(read(archive)).append("\n# test settings\n");
        all.forEach((key, value) -> config.append(key).append('=').append(escape(value)).append('\n'));
        archive.delete(CONFIG);
        archive.add(new StringAsset(config.toString()), CONFIG);
        return archive;
    }

    /**
     * A private H2 database per deployment, under target/. The data directory is shared, so the
     * policy index is built by the first deployment and only loaded by the others.
     */
    public static Map<String, String> defaults(String name) {
        return Map.of("ainfo.data-dir", dataDir("shared").toString(),
                "ainfo.db.url", ConfiguredDataSource.embeddedUrl(dataDir(name)),
                // a short warm-up before readiness (issue 17): every test class waits for it
                "ainfo.warmup.answers", "30", "ainfo.warmup.until-jit-quiet", "false");
    }

    /** Settings of a deployment that trusts {@link TestKeys}, answers with the model and uses the Redis. */
    public static Map<String, String> withModel(FakeOpenAi model, RedisProcess redis) {
        Map<String, String> settings = new java.util.HashMap<>(TestKeys.config());
        settings.put("ainfo.llm.provider", "openai");
        settings.put("ainfo.llm.base-url", model.baseUrl());
        settings.put("ainfo.redis.url", redis.url());
        return settings;
    }

    public static Path dataDir(String name) {
        // Each server's suites get their own (Failsafe sets ainfo.it-data for WildFly's).
        return Path.of(System.getProperty("ainfo.it-data", "target/it-data"), name).toAbsolutePath();
    }

    private static String read(WebArchive archive) {
        try (InputStream in = archive.get(CONFIG).getAsset().openStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // java.util.Properties syntax: escape backslashes, newlines and non-Latin-1 characters.
    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c > 0xff) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
