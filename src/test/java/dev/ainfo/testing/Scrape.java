package dev.ainfo.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One scrape of /metrics, parsed from the Prometheus text format: series (name and labels) to value. */
public final class Scrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final int status;
    private final String contentType;
    private final String text;
    private final Map<String, Double> series = new LinkedHashMap<>();

    private Scrape(int status, String contentType, String text) {
        this.status = status;
        this.contentType = contentType;
        this.text = text;
        if (status == 200) {
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
    }

    /** GET /metrics with the given headers (name, value, name, value...). */
    public static Scrape of(URI base, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("metrics")).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Scrape(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public String text() {
        return text;
    }

    public boolean has(String name) {
        return series.keySet().stream().anyMatch(s -> s.equals(name) || s.startsWith(name + "{"));
    }

    /** The sum of every series of {@code name} whose labels include each of {@code labels} ("key=\"value\""). */
    public double value(String name, String... labels) {
        double sum = 0;
        for (Map.Entry<String, Double> entry : series.entrySet()) {
            String key = entry.getKey();
            if (!(key.equals(name) || key.startsWith(name + "{"))) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= key.contains(label);
            }
            if (all) {
                sum += entry.getValue();
            }
        }
        return sum;
    }
}
