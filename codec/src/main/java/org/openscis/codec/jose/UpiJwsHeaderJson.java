package org.openscis.codec.jose;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of a {@code UPI-JWS} protected header, with Jackson streaming: no maps, iterative skipping of unknown
 * members, duplicate names refused (RFC 7515 §4). Writing keeps the member order of the real samples.
 */
final class UpiJwsHeaderJson {

    /** Far more than the four UPI names; stops pointless work on a hostile list. */
    static final int MAX_CRIT_NAMES = 16;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A header that cannot be accepted; carries only a short reason, so no stack trace is captured. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    private UpiJwsHeaderJson() {}

    /** Decodes the header JSON; checks types only, the rules are in {@link UpiJwsHeaderRules}. */
    static UpiJwsHeader read(byte[] utf8) throws Rejected {
        String text;
        try {
            // Strict UTF-8 (RFC 7515 §4): Jackson's byte parser would also guess UTF-16/32.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new Rejected("header is not UTF-8");
        }
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Rejected("header is not a JSON object");
            }
            String alg = null;
            String kid = null;
            String uuid = null;
            String timestamp = null;
            String appId = null;
            String reqPath = null;
            List<String> crit = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "alg" -> alg = string(p, value, name);
                    case "kid" -> kid = string(p, value, name);
                    case "crit" -> crit = names(p, value);
                    case UpiJwsHeader.UUID -> uuid = string(p, value, name);
                    case UpiJwsHeader.TIMESTAMP -> timestamp = string(p, value, name);
                    case UpiJwsHeader.APPID -> appId = string(p, value, name);
                    case UpiJwsHeader.REQPATH -> reqPath = string(p, value, name);
                    // RFC 7797 would change the signing input; SCIS never uses it (protocol.md §4.2).
                    case "b64" -> throw new Rejected("b64 is not supported");
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new Rejected("header is not a single JSON object");
            }
            return new UpiJwsHeader(alg, kid, crit, uuid, timestamp, appId, reqPath);
        } catch (IOException e) {
            throw new Rejected("header is not valid JSON");
        }
    }

    /** {@code {"alg","kid","crit",UPI-UUID,UPI-TIMESTAMP,UPI-APPID[,UPI-REQPATH]}} as UTF-8. */
    static byte[] write(UpiJwsHeader h, List<String> crit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("alg", h.alg());
            g.writeStringField("kid", h.kid());
            g.writeArrayFieldStart("crit");
            for (String name : crit) {
                g.writeString(name);
            }
            g.writeEndArray();
            g.writeStringField(UpiJwsHeader.UUID, h.uuid());
            g.writeStringField(UpiJwsHeader.TIMESTAMP, h.timestamp());
            g.writeStringField(UpiJwsHeader.APPID, h.appId());
            if (h.reqPath() != null) {
                g.writeStringField(UpiJwsHeader.REQPATH, h.reqPath());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static String string(JsonParser p, JsonToken value, String name) throws IOException, Rejected {
        if (value != JsonToken.VALUE_STRING) {
            throw new Rejected(name + " is not a string");
        }
        return p.getText();
    }

    private static List<String> names(JsonParser p, JsonToken value) throws IOException, Rejected {
        if (value != JsonToken.START_ARRAY) {
            throw new Rejected("crit is not an array");
        }
        List<String> names = new ArrayList<>(4);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING) {
                throw new Rejected("crit holds a non-string");
            }
            if (names.size() == MAX_CRIT_NAMES) {
                throw new Rejected("crit too long");
            }
            names.add(p.getText());
        }
        return names;
    }
}
