package org.openscis.codec.envelope;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads one JSON object from UTF-8 bytes into a {@link TrxInfo} tree, enforcing the limits that keep hostile input
 * cheap and unambiguous. Every failure, including Jackson's own, becomes a short reason that never quotes the input
 * (it may hold card data).
 */
final class JsonTreeReader {

    /** Containers (objects and arrays) nested in one another, the root object counting as 1. */
    static final int MAX_DEPTH = 16;
    /** Object members plus array elements in the whole document. */
    static final int MAX_MEMBERS = 2_000;
    /** Member names longer than this are not quoted in reasons. */
    private static final int MAX_QUOTED_NAME_CHARS = 50;

    /** A member spelled differently by one real SCIS notification (protocol.md §2.1); read as its usual name. */
    private static final String DISCOUNT_DETAILS_ALIAS = "DiscountDetails";
    private static final String DISCOUNT_DETAILS = "discountDetails";

    /** The document read, or why not; exactly one of the two is non-null. */
    record Result(TrxInfo root, String failure) {
        static Result failed(String reason) {
            return new Result(null, reason);
        }
    }

    private final JsonParser parser;
    private int members;

    private JsonTreeReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Reads the readable bytes of {@code body}; its indices and reference count are left as they were. */
    static Result read(JsonFactory factory, ByteBuf body) {
        String encodingProblem = checkEncoding(body);
        if (encodingProblem != null) {
            return Result.failed(encodingProblem);
        }
        try (JsonParser parser = open(factory, body)) {
            return new JsonTreeReader(parser).readDocument();
        } catch (Malformed e) {
            return Result.failed(e.getMessage());
        } catch (StreamConstraintsException e) {
            return Result.failed("JSON exceeds a size limit");
        } catch (JsonProcessingException e) {
            return Result.failed(malformedAt(e.getLocation()));
        } catch (IOException | RuntimeException e) {
            // Number conversions (e.g. an exponent beyond int range) surface as runtime exceptions.
            return Result.failed("malformed JSON");
        }
    }

    private static JsonParser open(JsonFactory factory, ByteBuf body) throws IOException {
        if (body.hasArray()) {
            return factory.createParser(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes());
        }
        // A duplicate has its own indices, so reading it leaves the caller's readerIndex alone; no release on close.
        InputStream in = new ByteBufInputStream(body.duplicate(), false);
        return factory.createParser(in);
    }

    /**
     * UTF-8 only: Jackson alone would guess UTF-16/32 from zero bytes or a BOM, skip a UTF-8 BOM, and let overlong
     * forms and encoded surrogates through. JSON text cannot start with anything but whitespace or a value, and an
     * envelope is an object, so a leading BOM or zero byte is reported as what it is.
     */
    private static String checkEncoding(ByteBuf body) {
        int start = body.readerIndex();
        int length = body.readableBytes();
        if (length == 0) {
            return "body is empty";
        }
        int probe = Math.min(length, 4);
        for (int i = 0; i < probe; i++) {
            if (body.getByte(start + i) == 0) {
                return "body is not UTF-8";
            }
        }
        if (length >= 3 && (body.getByte(start) & 0xff) == 0xef && (body.getByte(start + 1) & 0xff) == 0xbb
                && (body.getByte(start + 2) & 0xff) == 0xbf) {
            return "byte order mark is not allowed";
        }
        if (!ByteBufUtil.isText(body, start, length, StandardCharsets.UTF_8)) {
            return "body is not valid UTF-8";
        }
        return null;
    }

    private static String malformedAt(JsonLocation location) {
        if (location == null || location.getByteOffset() < 0) {
            return "malformed JSON";
        }
        return "malformed JSON at byte " + location.getByteOffset();
    }

    private Result readDocument() throws IOException, Malformed {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new Malformed("body must be a JSON object");
        }
        TrxInfo root = readObject(1);
        if (parser.nextToken() != null) {
            throw new Malformed("content after the JSON object");
        }
        return new Result(root, null);
    }

    private Object readValue(JsonToken token, int depth) throws IOException, Malformed {
        if (token == null) {
            throw new Malformed("JSON ends early");
        }
        return switch (token) {
            case START_OBJECT -> readObject(depth + 1);
            case START_ARRAY -> readArray(depth + 1);
            case VALUE_STRING -> wellFormed(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new Malformed("unexpected JSON token");
        };
    }

    private TrxInfo readObject(int depth) throws IOException, Malformed {
        checkDepth(depth);
        LinkedHashMap<String, Object> object = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = wellFormed(parser.currentName());
            if (DISCOUNT_DETAILS_ALIAS.equals(name)) {
                name = DISCOUNT_DETAILS;
            }
            count();
            if (object.containsKey(name)) {
                throw new Malformed("duplicate member" + quoted(name));
            }
            object.put(name, readValue(parser.nextToken(), depth));
        }
        if (token != JsonToken.END_OBJECT) {
            throw new Malformed("JSON ends early");
        }
        return object.isEmpty() ? TrxInfo.EMPTY : TrxInfo.wrap(object);
    }

    private List<Object> readArray(int depth) throws IOException, Malformed {
        checkDepth(depth);
        List<Object> array = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            count();
            array.add(readValue(token, depth));
        }
        return Collections.unmodifiableList(array);
    }

    private void checkDepth(int depth) throws Malformed {
        if (depth > MAX_DEPTH) {
            throw new Malformed("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void count() throws Malformed {
        if (++members > MAX_MEMBERS) {
            throw new Malformed("JSON has more than " + MAX_MEMBERS + " members");
        }
    }

    private static String wellFormed(String s) throws Malformed {
        if (!Unicode.wellFormed(s)) {
            throw new Malformed("string with an unpaired surrogate escape");
        }
        return s;
    }

    /** The member name for the reason if it is short printable ASCII without long digit runs, else nothing. */
    private static String quoted(String name) {
        if (name.isEmpty() || name.length() > MAX_QUOTED_NAME_CHARS || !CharClass.ANS.accepts(name)
                || name.chars().filter(Character::isDigit).count() > 6) {
            return " name";
        }
        return " \"" + name + "\"";
    }

    /** Unwinds the recursive descent with a reason; never leaves this class. */
    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }
}
