package org.openscis.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pairs the {@code Accp} and {@code Jdk} variants of each benchmark in a JMH JSON result file ({@code -rf json}) and
 * gives their ratio: on noisy shared machines the ratio measured in one run is the number worth reporting, not the
 * absolute scores.
 */
public final class ProviderRatios {

    private static final String ACCP = ".Accp.";
    private static final String JDK = ".Jdk.";
    private static final String PACKAGE = "org.openscis.bench.jmh.";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One benchmark measured with both providers. {@code speedUp} is how many times faster ACCP was: the score ratio
     * for throughput, its inverse for time-per-operation modes.
     */
    public record Row(String benchmark, String params, String mode, double accp, double accpError, double jdk,
            double jdkError, String unit) {

        public double speedUp() {
            if (accp <= 0 || jdk <= 0) {
                return 0;
            }
            return "thrpt".equals(mode) ? accp / jdk : jdk / accp;
        }
    }

    /** The pairs, or why the text is not a JMH JSON result. */
    public sealed interface Parsed {
        record Ok(List<Row> rows) implements Parsed {}

        record Invalid(String reason) implements Parsed {}
    }

    private ProviderRatios() {}

    public static Parsed parse(String jmhJson) {
        JsonNode root;
        try {
            root = JSON.readTree(jmhJson);
        } catch (JsonProcessingException e) {
            return new Parsed.Invalid("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            return new Parsed.Invalid("not a JMH result (expected a JSON array; run JMH with -rf json)");
        }
        Map<String, JsonNode> accp = new LinkedHashMap<>();
        Map<String, JsonNode> jdk = new LinkedHashMap<>();
        for (JsonNode result : root) {
            String name = result.path("benchmark").asText("");
            if (name.contains(ACCP)) {
                accp.put(key(name.replace(ACCP, "."), result), result);
            } else if (name.contains(JDK)) {
                jdk.put(key(name.replace(JDK, "."), result), result);
            }
        }
        List<Row> rows = new ArrayList<>();
        accp.forEach((key, a) -> {
            JsonNode j = jdk.get(key);
            if (j != null) {
                JsonNode am = a.path("primaryMetric");
                JsonNode jm = j.path("primaryMetric");
                rows.add(new Row(shortName(a.path("benchmark").asText().replace(ACCP, ".")), params(a),
                        a.path("mode").asText(""), am.path("score").asDouble(), am.path("scoreError").asDouble(),
                        jm.path("score").asDouble(), jm.path("scoreError").asDouble(),
                        am.path("scoreUnit").asText("")));
            }
        });
        return new Parsed.Ok(rows);
    }

    public static String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("| Benchmark | Params | Mode | ACCP | JDK | Unit | ACCP speed-up |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.benchmark()).append(" | ").append(r.params()).append(" | ").append(r.mode())
                    .append(" | ").append(score(r.accp(), r.accpError())).append(" | ")
                    .append(score(r.jdk(), r.jdkError())).append(" | ").append(r.unit()).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2fx", r.speedUp())).append(" |\n");
        }
        return md.toString();
    }

    private static String key(String name, JsonNode result) {
        return name + "|" + result.path("mode").asText("") + "|" + params(result);
    }

    private static String params(JsonNode result) {
        Map<String, String> sorted = new TreeMap<>();
        result.path("params").fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    private static String shortName(String benchmark) {
        return benchmark.startsWith(PACKAGE) ? benchmark.substring(PACKAGE.length()) : benchmark;
    }

    private static String score(double score, double error) {
        return Double.isNaN(error) || error == 0 ? String.format(Locale.ROOT, "%.1f", score)
                : String.format(Locale.ROOT, "%.1f ± %.1f", score, error);
    }
}
