package org.openscis.server.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed reading of one YAML mapping. Every read names the key it wants, a wrong value becomes a problem naming the
 * key's full path (and the default is used so reading goes on), and {@link #finish()} reports the keys nobody asked
 * for: an unknown key is almost always a typo that would otherwise silently fall back to a default.
 */
final class Fields {

    private final Map<String, YamlNode> entries;
    private final String path;
    private final int line;
    private final Problems problems;
    private final Set<String> read = new HashSet<>();

    private Fields(Map<String, YamlNode> entries, String path, int line, Problems problems) {
        this.entries = entries;
        this.path = path;
        this.line = line;
        this.problems = problems;
    }

    /** Reads {@code node} as a mapping; null (absent or empty) reads as an empty mapping. */
    static Fields of(YamlNode node, String path, Problems problems) {
        if (node instanceof YamlNode.Mapping mapping) {
            return new Fields(mapping.entries(), path, mapping.line(), problems);
        }
        if (node != null && !isNull(node)) {
            problems.add(path, "must be a mapping of keys to values, found " + YamlNode.kindOf(node), node.line());
        }
        return new Fields(Map.of(), path, node == null ? 0 : node.line(), problems);
    }

    String key(String name) {
        return ConfigPaths.child(path, name);
    }

    int lineOf(String name) {
        YamlNode node = entries.get(name);
        return node == null ? line : node.line();
    }

    Problems problems() {
        return problems;
    }

    void problem(String name, String problem) {
        problems.add(key(name), problem, lineOf(name));
    }

    boolean has(String name) {
        YamlNode node = entries.get(name);
        return node != null && !isNull(node);
    }

    /** The raw node, marking the key as known; null when absent or YAML null. */
    YamlNode node(String name) {
        read.add(name);
        YamlNode node = entries.get(name);
        return node == null || isNull(node) ? null : node;
    }

    Fields mapping(String name) {
        return of(node(name), key(name), problems);
    }

    /** A single value as text; null when absent; a problem when it is a list or mapping. */
    String text(String name) {
        YamlNode node = node(name);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar scalar) {
            return scalar.text();
        }
        problem(name, "must be a single value, found " + YamlNode.kindOf(node));
        return null;
    }

    String text(String name, String fallback) {
        String value = text(name);
        return value == null ? fallback : value;
    }

    String required(String name) {
        String value = text(name);
        if (value == null && !has(name)) {
            problem(name, "is required");
        }
        return value;
    }

    int integer(String name, int fallback, int min, int max) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                problem(name, "must be between " + min + " and " + max + ", found " + parsed);
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problem(name, "must be a whole number, found \"" + value + "\"");
            return fallback;
        }
    }

    boolean bool(String name, boolean fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problem(name, "must be true or false, found \"" + value + "\"");
                yield fallback;
            }
        };
    }

    /** A positive duration such as {@code 300s} no longer than {@code max}. */
    Duration duration(String name, Duration fallback, Duration max) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        Optional<Duration> parsed = Durations.parse(value);
        if (parsed.isEmpty()) {
            problem(name, "must be a duration such as 500ms, 8s, 10m, 48h or 7d, found \"" + value + "\"");
            return fallback;
        }
        Duration duration = parsed.get();
        if (duration.isZero()) {
            problem(name, "must be longer than zero");
            return fallback;
        }
        if (duration.compareTo(max) > 0) {
            problem(name, "must be at most " + Durations.format(max) + ", found " + value);
            return fallback;
        }
        return duration;
    }

    <E extends Enum<E>> E enumeration(String name, Class<E> type, E fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        return parseEnum(value, type).orElseGet(() -> {
            problem(name, "must be one of " + names(type) + ", found \"" + value + "\"");
            return fallback;
        });
    }

    /** A list of single values, each converted by {@code convert} (null means invalid, already reported). */
    <T> List<T> list(String name, List<T> fallback, Function<Element, T> convert) {
        YamlNode node = node(name);
        if (node == null) {
            return fallback;
        }
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problem(name, "must be a list, found " + YamlNode.kindOf(node));
            return fallback;
        }
        List<T> values = new ArrayList<>();
        List<YamlNode> items = sequence.items();
        for (int i = 0; i < items.size(); i++) {
            T value = convert.apply(new Element(ConfigPaths.index(key(name), i), items.get(i), problems));
            if (value != null) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    List<String> strings(String name, List<String> fallback) {
        return list(name, fallback, Element::text);
    }

    /**
     * Reports a list that is required but absent or written empty ({@code []}). A list whose elements were all
     * invalid is not reported again: its elements already were.
     */
    void requireElements(String name, List<?> values, String problem) {
        if (values.isEmpty() && (!has(name) || writtenEmpty(name))) {
            problem(name, problem);
        }
    }

    /**
     * Reports an optional list written empty: an empty allow-list would silently allow nothing, while leaving the key
     * out selects the documented default.
     */
    void rejectEmpty(String name, String problem) {
        if (writtenEmpty(name)) {
            problem(name, problem);
        }
    }

    private boolean writtenEmpty(String name) {
        return entries.get(name) instanceof YamlNode.Sequence sequence && sequence.items().isEmpty();
    }

    /** Reports every key present but never read. Call after all reads. */
    void finish() {
        for (Map.Entry<String, YamlNode> entry : entries.entrySet()) {
            if (!read.contains(entry.getKey())) {
                problems.add(key(entry.getKey()), "unknown key", entry.getValue().line());
            }
        }
    }

    /** The entries in source order, all marked as read: for mappings whose keys are data (kid to file). */
    Map<String, YamlNode> entries() {
        read.addAll(entries.keySet());
        return entries;
    }

    static <E extends Enum<E>> Optional<E> parseEnum(String value, Class<E> type) {
        String wanted = value.trim();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return String.join(", ", names);
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.text() == null;
    }

    /** One list element with its path, for converters. */
    record Element(String path, YamlNode node, Problems problems) {

        String text() {
            if (node instanceof YamlNode.Scalar scalar && scalar.text() != null) {
                return scalar.text();
            }
            problems.add(path, "must be a single value, found " + YamlNode.kindOf(node), node.line());
            return null;
        }

        Fields fields() {
            if (node instanceof YamlNode.Mapping) {
                return Fields.of(node, path, problems);
            }
            problems.add(path, "must be a mapping of keys to values, found " + YamlNode.kindOf(node), node.line());
            return null;
        }

        void problem(String problem) {
            problems.add(path, problem, node.line());
        }
    }
}
