package org.openscis.codec.envelope;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streaming JSON (Jackson core) for SCIS envelopes. Decoding keeps member order, rejects duplicate members, deep
 * nesting and trailing content, accepts {@code DiscountDetails} as {@code discountDetails}, and reports a body that
 * is not an object with a readable {@code msgInfo} as {@link DecodeResult.Unreadable}. Encoding writes
 * {@code msgInfo}, {@code trxInfo}, {@code msgResponse} in that order, without insignificant whitespace.
 *
 * <p>What decoding accepts:
 * <ul>
 *   <li>UTF-8 only, strictly (no overlong forms, no encoded surrogates, no byte order mark), exactly one JSON object
 *       and nothing after it but whitespace. Strings must be well-formed Unicode (an escaped unpaired surrogate such
 *       as {@code "\ud800"} is unreadable).</li>
 *   <li>At most {@value JsonTreeReader#MAX_DEPTH} nested objects/arrays (the body counts as one) and
 *       {@value JsonTreeReader#MAX_MEMBERS} object members plus array elements in total. A member name used twice
 *       in one object makes the body unreadable: parsers disagree on which one wins, and the signature covers
 *       both.</li>
 *   <li>{@code msgInfo} must be an object; its five members are taken when they are strings and are null otherwise
 *       (absent or another JSON type), so that {@link #validateMsgInfo} reports them as a format error (code 30)
 *       with the request's msgInfo echoed, rather than as an unreadable body.</li>
 *   <li>{@code trxInfo} that is not an object (absent, {@code null}, a string, an array...) is decoded as a null
 *       {@code trxInfo}; handlers that need it report the missing fields as code 30. The same holds for
 *       {@code msgResponse}, whose {@code responseCode}/{@code responseMsg} are null when not strings.</li>
 *   <li>Other top-level members (e.g. {@code encCertId}) are read under the same limits and then ignored.</li>
 *   <li>JSON numbers become {@link java.math.BigDecimal}s with the scale as sent, so {@code 1.00} is written back as
 *       {@code 1.00}.</li>
 * </ul>
 * Reasons in {@link DecodeResult.Unreadable} are short and never quote the input. The codec is stateless and
 * thread-safe; all instances share one {@link JsonFactory}.
 */
public final class EnvelopeCodec {

    static final JsonFactory FACTORY = JsonFactory.builder()
            // Jackson's own guard sits just above ours so that our clearer reason is the one reported.
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(JsonTreeReader.MAX_DEPTH + 1)
                    .build())
            // Keeps input bytes out of exception messages, in case one is ever logged.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // Member names come from untrusted clients; interning them would only fill the JVM string table.
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private static final String MSG_INFO = "msgInfo";
    private static final String TRX_INFO = "trxInfo";
    private static final String MSG_RESPONSE = "msgResponse";
    private static final int INITIAL_OUTPUT_BYTES = 512;

    /** Decodes the readable bytes of {@code body} without consuming or releasing it. */
    public DecodeResult decode(ByteBuf body) {
        if (body == null) {
            return new DecodeResult.Unreadable("body is empty");
        }
        JsonTreeReader.Result read = JsonTreeReader.read(FACTORY, body);
        if (read.failure() != null) {
            return new DecodeResult.Unreadable(read.failure());
        }
        return toEnvelope(read.root());
    }

    public DecodeResult decode(byte[] body) {
        return decode(body == null ? null : Unpooled.wrappedBuffer(body));
    }

    public byte[] encode(Envelope envelope) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_OUTPUT_BYTES);
        writeEnvelope(envelope, out);
        return out.toByteArray();
    }

    /**
     * Writes the encoded envelope into {@code out} from its writer index. If the envelope holds a value that is not
     * JSON, the writer index is put back before the {@link IllegalArgumentException} propagates.
     */
    public void encode(Envelope envelope, ByteBuf out) {
        int writerIndex = out.writerIndex();
        try {
            writeEnvelope(envelope, new ByteBufOutputStream(out));
        } catch (RuntimeException e) {
            out.writerIndex(writerIndex);
            throw e;
        }
    }

    /** Decodes a JSON object (e.g. decrypted {@code cvmInfo}); null if {@code json} is not exactly one object. */
    public TrxInfo decodeObject(byte[] json) {
        if (json == null) {
            return null;
        }
        return JsonTreeReader.read(FACTORY, Unpooled.wrappedBuffer(json)).root();
    }

    /** Encodes a JSON object compactly (e.g. the plaintext of a JWE field). */
    public byte[] encodeObject(TrxInfo object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_OUTPUT_BYTES);
        try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            JsonTreeWriter.inMemberOrder(generator).writeObject(object == null ? TrxInfo.EMPTY : object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The idempotency fingerprint (decisions.md §4): lower-case hex SHA-256 over {@code msgType}, a newline, and the
     * canonical JSON of {@code trxInfo} (members sorted by name at every level, no whitespace, numbers as sent).
     * A null {@code trxInfo} counts as {@code {}} and a null {@code msgType} as the empty string.
     */
    public static String fingerprint(String msgType, TrxInfo trxInfo) {
        MessageDigest sha256 = sha256();
        sha256.update((msgType == null ? "" : msgType).getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha256);
        try (JsonGenerator generator = FACTORY.createGenerator(sink, JsonEncoding.UTF8)) {
            JsonTreeWriter.canonical(generator).writeObject(trxInfo == null ? TrxInfo.EMPTY : trxInfo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Checks {@code msgInfo} against protocol.md §2.2: versionNo ANS 5, msgID AN 17-49, timeStamp N 14 and a real
     * {@code yyyyMMddHHmmss} time, msgType ANS 1-50, insID AN 1-16. Returns null when valid. The error's field is
     * {@code msgInfo.<name>}; the first failing field in that order is reported.
     */
    public static FieldError validateMsgInfo(MsgInfo msgInfo) {
        return MsgInfoRules.validate(msgInfo);
    }

    private static DecodeResult toEnvelope(TrxInfo root) {
        Object msgInfo = root.get(MSG_INFO);
        if (!(msgInfo instanceof TrxInfo m)) {
            return new DecodeResult.Unreadable(root.has(MSG_INFO) ? "msgInfo must be an object" : "msgInfo is missing");
        }
        TrxInfo response = root.object(MSG_RESPONSE);
        return new DecodeResult.Ok(new Envelope(
                new MsgInfo(m.string("versionNo"), m.string("msgID"), m.string("timeStamp"), m.string("msgType"),
                        m.string("insID")),
                root.object(TRX_INFO),
                response == null ? null : new MsgResponse(response.string("responseCode"),
                        response.string("responseMsg"))));
    }

    private static void writeEnvelope(Envelope envelope, OutputStream out) {
        try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            JsonTreeWriter writer = JsonTreeWriter.inMemberOrder(generator);
            generator.writeStartObject();
            MsgInfo msgInfo = envelope.msgInfo();
            if (msgInfo != null) {
                generator.writeFieldName(MSG_INFO);
                generator.writeStartObject();
                writer.writeOptionalString("versionNo", msgInfo.versionNo());
                writer.writeOptionalString("msgID", msgInfo.msgID());
                writer.writeOptionalString("timeStamp", msgInfo.timeStamp());
                writer.writeOptionalString("msgType", msgInfo.msgType());
                writer.writeOptionalString("insID", msgInfo.insID());
                generator.writeEndObject();
            }
            if (envelope.trxInfo() != null) {
                generator.writeFieldName(TRX_INFO);
                writer.writeObject(envelope.trxInfo());
            }
            MsgResponse msgResponse = envelope.msgResponse();
            if (msgResponse != null) {
                generator.writeFieldName(MSG_RESPONSE);
                generator.writeStartObject();
                writer.writeOptionalString("responseCode", msgResponse.responseCode());
                writer.writeOptionalString("responseMsg", msgResponse.responseMsg());
                generator.writeEndObject();
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
