package dev.ainfo.knowledge.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The shipped defaults in META-INF/microprofile-config.properties, so tests measure what runs. */
final class ConfigDefaults {

    private ConfigDefaults() {
    }

    static String value(String key) {
        try (InputStream in = ConfigDefaults.class.getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            String value = properties.getProperty(key);
            if (value == null) {
                throw new IllegalStateException(key + " has no default");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
