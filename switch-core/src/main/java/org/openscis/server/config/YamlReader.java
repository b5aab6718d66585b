package org.openscis.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into {@link YamlNode}s with Jackson's streaming YAML parser. The streaming level is used (not
 * databind) because it keeps each scalar's source text and line, and lets duplicate keys be reported by name.
 */
final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {}

    /**
     * The document's root node, an empty mapping for an empty document, or null when the text is not YAML (the
     * syntax error is added to problems). Duplicate keys are problems too, but the rest of the tree is usable.
     */
    static YamlNode read(String text, Problems problems) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Mapping(Map.of(), 1);
            }
            return node(parser, "", problems);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add("", "not valid YAML: " + e.getOriginalMessage(), line);
            return null;
        } catch (IOException e) {
            problems.add("", "cannot read YAML: " + e.getMessage());
            return null;
        }
    }

    private static YamlNode node(JsonParser parser, String path, Problems problems) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                String child = ConfigPaths.child(path, key);
                YamlNode value = node(parser, child, problems);
                if (entries.putIfAbsent(key, value) != null) {
                    problems.add(child, "duplicate key", keyLine);
                }
            }
            return new YamlNode.Mapping(entries, line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(parser, ConfigPaths.index(path, items.size()), problems));
            }
            return new YamlNode.Sequence(items, line);
        }
        return new YamlNode.Scalar(token == JsonToken.VALUE_NULL ? null : parser.getText(), line);
    }
}
