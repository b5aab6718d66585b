package org.openscis.server.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.mask.Masking;

/**
 * Renders envelope parts as indented JSON for people, with card data masked by {@link Masking}: nested objects
 * (such as a decrypted {@code cvmInfo}) show their members, each masked by its own name; JWE strings are shortened.
 */
final class MaskedJson {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int JWE_PREFIX_CHARS = 16;

    private MaskedJson() {}

    static String render(TrxInfo object) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            writeObject(g, object == null ? TrxInfo.EMPTY : object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** msgInfo carries no card data, so it is printed as it is (its 14-digit timeStamp is not a PAN). */
    static String render(MsgInfo m) {
        if (m == null) {
            return "null";
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            writeIfPresent(g, "versionNo", m.versionNo());
            writeIfPresent(g, "msgID", m.msgID());
            writeIfPresent(g, "timeStamp", m.timeStamp());
            writeIfPresent(g, "msgType", m.msgType());
            writeIfPresent(g, "insID", m.insID());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeIfPresent(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void writeObject(JsonGenerator g, TrxInfo object) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : object.asMap().entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, String name, Object value) throws IOException {
        if (value instanceof TrxInfo nested) {
            writeObject(g, nested);
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, name, item);
            }
            g.writeEndArray();
        } else if (value instanceof String s && SensitiveFields.isCompactJwe(s)) {
            g.writeString("JWE " + s.substring(0, Math.min(JWE_PREFIX_CHARS, s.length())) + "… (" + s.length()
                    + " chars)");
        } else {
            Object masked = Masking.maskValue(name, value);
            if (masked == null) {
                g.writeNull();
            } else if (value instanceof BigDecimal d && masked.equals(d.toString())) {
                g.writeNumber(d);
            } else if (masked instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                g.writeString(masked.toString());
            }
        }
    }
}
