package org.openscis.bench.load;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the Prometheus text exposition format the switch's admin listener serves ({@code GET /metrics}): one sample
 * per line, {@code name{label="value",...} number [timestamp]}; comments and anything malformed are skipped, never
 * thrown. Bounded: at most {@value #MAX_LINES} lines of at most {@value #MAX_LINE_CHARS} characters are read.
 */
final class PrometheusText {

    static final int MAX_LINES = 100_000;
    static final int MAX_LINE_CHARS = 4_096;

    /** A series: the metric name and its labels (sorted, so equal series compare equal). */
    record Series(String name, Map<String, String> labels) {

        Series {
            labels = Map.copyOf(labels);
        }

        static Series of(String name, String... labelPairs) {
            Map<String, String> labels = new TreeMap<>();
            for (int i = 0; i + 1 < labelPairs.length; i += 2) {
                labels.put(labelPairs[i], labelPairs[i + 1]);
            }
            return new Series(name, labels);
        }

        String label(String key) {
            return labels.get(key);
        }
    }

    private PrometheusText() {}

    static Map<Series, Double> parse(String text) {
        Map<Series, Double> out = new HashMap<>();
        if (text == null) {
            return out;
        }
        int lines = 0;
        int start = 0;
        while (start < text.length() && lines < MAX_LINES) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lines++;
            if (end - start <= MAX_LINE_CHARS) {
                sample(text.substring(start, end).strip(), out);
            }
            start = end + 1;
        }
        return out;
    }

    private static void sample(String line, Map<Series, Double> out) {
        if (line.isEmpty() || line.charAt(0) == '#') {
            return;
        }
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (space < 0) {
            return;
        }
        String name;
        Map<String, String> labels = new TreeMap<>();
        String rest;
        if (brace >= 0 && brace < space) {
            int close = line.lastIndexOf('}');
            if (close < brace) {
                return;
            }
            name = line.substring(0, brace);
            if (!labels(line.substring(brace + 1, close), labels)) {
                return;
            }
            rest = line.substring(close + 1).strip();
        } else {
            name = line.substring(0, space);
            rest = line.substring(space + 1).strip();
        }
        int valueEnd = rest.indexOf(' ');
        Double value = number(valueEnd < 0 ? rest : rest.substring(0, valueEnd));
        if (name.isEmpty() || value == null) {
            return;
        }
        out.put(new Series(name, labels), value);
    }

    /** {@code a="x",b="y",} with backslash escapes in the values; false if malformed. */
    private static boolean labels(String text, Map<String, String> labels) {
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0 || eq + 1 >= text.length() || text.charAt(eq + 1) != '"') {
                return false;
            }
            String key = text.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            boolean closed = false;
            for (; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '\\' && j + 1 < text.length()) {
                    char n = text.charAt(++j);
                    value.append(n == 'n' ? '\n' : n);
                } else if (c == '"') {
                    closed = true;
                    break;
                } else {
                    value.append(c);
                }
            }
            if (!closed || key.isEmpty()) {
                return false;
            }
            labels.put(key, value.toString());
            i = j + 1;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
        return true;
    }

    private static Double number(String text) {
        switch (text) {
            case "NaN" -> {
                return Double.NaN;
            }
            case "+Inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
    }
}
