package org.openscis.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Fetches the switch's {@code GET /metrics} from its admin listener. A scrape that fails (switch without metrics,
 * wrong port, timeout) is a value with the reason, so a run never fails because of it.
 */
final class MetricsScraper {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** The switch's whole scrape is a few tens of KiB; anything far larger is not it. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** One scrape's outcome. */
    sealed interface Scrape {
        record Ok(Map<PrometheusText.Series, Double> samples) implements Scrape {}

        record Failed(String reason) implements Scrape {}
    }

    private final URI metrics;
    private final HttpClient http;

    /** {@code adminUrl} is the admin listener's base URL, e.g. {@code http://127.0.0.1:8081}. */
    MetricsScraper(String adminUrl) {
        String base = adminUrl.endsWith("/") ? adminUrl.substring(0, adminUrl.length() - 1) : adminUrl;
        this.metrics = URI.create(base + "/metrics");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    URI uri() {
        return metrics;
    }

    Scrape scrape() {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(metrics).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return new Scrape.Failed("HTTP " + response.statusCode() + " from " + metrics);
            }
            if (response.body().length > MAX_BODY_BYTES) {
                return new Scrape.Failed("the answer of " + metrics + " is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new Scrape.Ok(PrometheusText.parse(new String(response.body(), StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return new Scrape.Failed(e.getClass().getSimpleName() + " from " + metrics
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Scrape.Failed("interrupted");
        }
    }
}
