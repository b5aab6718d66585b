package org.openscis.server.config;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as plain nodes. Scalars keep their exact source text (so {@code 0123} stays {@code "0123"} and an
 * IIN is never mangled into a number); typing happens later, where the key and its expected type are known.
 */
sealed interface YamlNode {

    /** 1-based source line, or 0 when unknown. */
    int line();

    /** A scalar; {@code text} is null for YAML null ({@code ~} or nothing). */
    record Scalar(String text, int line) implements YamlNode {}

    /** A mapping in source order. */
    record Mapping(Map<String, YamlNode> entries, int line) implements YamlNode {}

    record Sequence(List<YamlNode> items, int line) implements YamlNode {}

    static String kindOf(YamlNode node) {
        if (node instanceof Mapping) {
            return "a mapping";
        }
        if (node instanceof Sequence) {
            return "a list";
        }
        return ((Scalar) node).text() == null ? "empty" : "a single value";
    }
}
