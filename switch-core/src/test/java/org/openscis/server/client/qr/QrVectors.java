package org.openscis.server.client.qr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Payloads from qr-vectors.json (the codec's test resources, on this module's test class path). */
public final class QrVectors {

    private static final JsonNode ROOT = load();

    private QrVectors() {}

    /** The payload of a valid MPM vector by id, e.g. {@code mpm-p14-emvco-annex-b}. */
    public static String validMpm(String id) {
        for (JsonNode v : ROOT.path("mpm").path("valid")) {
            if (v.path("id").asText().equals(id)) {
                return v.path("payload").asText();
            }
        }
        throw new IllegalArgumentException("no valid MPM vector " + id);
    }

    private static JsonNode load() {
        try (InputStream in = QrVectors.class.getResourceAsStream("/qr-vectors.json")) {
            if (in == null) {
                throw new IllegalStateException("qr-vectors.json is not on the test class path");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
