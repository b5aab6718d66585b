package org.openscis.server.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:default}} in scalar values with environment values, before any value is
 * typed, so a port or a duration may come from the environment. {@code $${} writes a literal {@code ${}. Keys are
 * never interpolated. A variable that is set to the empty string counts as set.
 */
final class EnvInterpolator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Function<String, String> env;

    /** {@code env} returns a variable's value or null when it is not set. */
    EnvInterpolator(Function<String, String> env) {
        this.env = env;
    }

    YamlNode interpolate(YamlNode node, String path, Problems problems) {
        if (node instanceof YamlNode.Mapping mapping) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            mapping.entries().forEach((key, value) ->
                    entries.put(key, interpolate(value, ConfigPaths.child(path, key), problems)));
            return new YamlNode.Mapping(entries, mapping.line());
        }
        if (node instanceof YamlNode.Sequence sequence) {
            List<YamlNode> items = new ArrayList<>();
            for (YamlNode item : sequence.items()) {
                items.add(interpolate(item, ConfigPaths.index(path, items.size()), problems));
            }
            return new YamlNode.Sequence(items, sequence.line());
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        if (scalar.text() == null || !scalar.text().contains("$")) {
            return scalar;
        }
        return new YamlNode.Scalar(substitute(scalar.text(), path, scalar.line(), problems), scalar.line());
    }

    private String substitute(String text, String path, int line, Problems problems) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    problems.add(path, "unterminated ${ in \"" + text + "\"", line);
                    return text;
                }
                String expression = text.substring(i + 2, close);
                int colon = expression.indexOf(':');
                String name = colon < 0 ? expression : expression.substring(0, colon);
                if (!NAME.matcher(name).matches()) {
                    problems.add(path, "\"${" + expression + "}\" does not name an environment variable", line);
                    return text;
                }
                String value = env.apply(name);
                if (value == null && colon < 0) {
                    problems.add(path, "environment variable " + name + " is not set and has no default", line);
                    return text;
                }
                out.append(value != null ? value : expression.substring(colon + 1));
                i = close + 1;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }
}
