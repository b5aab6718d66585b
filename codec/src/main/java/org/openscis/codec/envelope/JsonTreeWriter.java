package org.openscis.codec.envelope;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link TrxInfo} trees, either in member order (the wire) or with members sorted by name at every level (the
 * canonical form hashed for idempotency). Strings are written as well-formed Unicode; numbers as their
 * {@link BigDecimal#toString()}, which keeps the scale a client sent ({@code 1.00} stays {@code 1.00}).
 */
final class JsonTreeWriter {

    private final JsonGenerator generator;
    private final boolean sorted;

    private JsonTreeWriter(JsonGenerator generator, boolean sorted) {
        this.generator = generator;
        this.sorted = sorted;
    }

    static JsonTreeWriter inMemberOrder(JsonGenerator generator) {
        return new JsonTreeWriter(generator, false);
    }

    static JsonTreeWriter canonical(JsonGenerator generator) {
        return new JsonTreeWriter(generator, true);
    }

    void writeObject(TrxInfo object) throws IOException {
        generator.writeStartObject();
        if (sorted) {
            List<String> names = new ArrayList<>(object.names());
            names.sort(null);
            for (String name : names) {
                writeMember(name, object.get(name));
            }
        } else {
            for (Map.Entry<String, Object> member : object.asMap().entrySet()) {
                writeMember(member.getKey(), member.getValue());
            }
        }
        generator.writeEndObject();
    }

    /** A string member, left out when null (the optional fields of msgInfo and msgResponse). */
    void writeOptionalString(String name, String value) throws IOException {
        if (value != null) {
            generator.writeStringField(Unicode.replaceLoneSurrogates(name), Unicode.replaceLoneSurrogates(value));
        }
    }

    private void writeMember(String name, Object value) throws IOException {
        generator.writeFieldName(Unicode.replaceLoneSurrogates(name));
        writeValue(value);
    }

    private void writeValue(Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String s) {
            generator.writeString(Unicode.replaceLoneSurrogates(s));
        } else if (value instanceof BigDecimal d) {
            generator.writeNumber(d);
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof TrxInfo t) {
            writeObject(t);
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                writeValue(element);
            }
            generator.writeEndArray();
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger i) {
            generator.writeNumber(i);
        } else {
            // A programming error in whoever built the TrxInfo, not bad input: floating point has no place here.
            throw new IllegalArgumentException("not a JSON value type: " + value.getClass().getName());
        }
    }
}
