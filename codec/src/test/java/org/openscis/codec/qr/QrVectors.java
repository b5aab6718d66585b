package org.openscis.codec.qr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shared QR test vectors (codec/src/test/resources/qr-vectors.json, a copy of shared/qr-vectors.json). */
final class QrVectors {

    private static final JsonNode ROOT = load();

    private QrVectors() {
    }

    static JsonNode root() {
        return ROOT;
    }

    static List<JsonNode> list(String... path) {
        JsonNode n = ROOT;
        for (String p : path) {
            n = n.path(p);
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    /** An object of strings as a map; empty for a missing node. */
    static Map<String, String> strings(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static JsonNode load() {
        try (InputStream in = QrVectors.class.getResourceAsStream("/qr-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
