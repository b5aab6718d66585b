package org.openscis.server.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.openscis.codec.envelope.Envelope;

/**
 * Finds {@code msgResponse.responseCode}: from the decoded envelope, or, for bodies the envelope codec does not
 * read (the bare {@code {"msgResponse":{...}}} error body of an HTTP 400), by scanning the top-level object.
 */
final class ResponseCodes {

    private static final JsonFactory JSON = new JsonFactory();

    private ResponseCodes() {}

    static String of(Envelope envelope, byte[] body) {
        if (envelope != null && envelope.msgResponse() != null) {
            return envelope.msgResponse().responseCode();
        }
        return scan(body);
    }

    private static String scan(byte[] body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("msgResponse".equals(name) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = p.currentName();
                        JsonToken v = p.nextToken();
                        if ("responseCode".equals(inner) && v == JsonToken.VALUE_STRING) {
                            return p.getText();
                        }
                        p.skipChildren();
                    }
                    return null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
