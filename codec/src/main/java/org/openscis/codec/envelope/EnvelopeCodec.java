package org.openscis.codec.envelope;

import io.netty.buffer.ByteBuf;

/**
 * Streaming JSON (Jackson core) for SCIS envelopes. Decoding keeps member order, rejects duplicate members, deep
 * nesting and trailing content, accepts {@code DiscountDetails} as {@code discountDetails}, and reports a body that
 * is not an object with a readable {@code msgInfo} as {@link DecodeResult.Unreadable}. Encoding writes
 * {@code msgInfo}, {@code trxInfo}, {@code msgResponse} in that order, without insignificant whitespace.
 */
public final class EnvelopeCodec {

    /** Decodes the readable bytes of {@code body} without consuming or releasing it. */
    public DecodeResult decode(ByteBuf body) {
        throw new IllegalStateException("pending");
    }

    public DecodeResult decode(byte[] body) {
        throw new IllegalStateException("pending");
    }

    public byte[] encode(Envelope envelope) {
        throw new IllegalStateException("pending");
    }

    /** Writes the encoded envelope into {@code out}. */
    public void encode(Envelope envelope, ByteBuf out) {
        throw new IllegalStateException("pending");
    }

    /** Decodes a JSON object (e.g. decrypted {@code cvmInfo}); null if {@code json} is not exactly one object. */
    public TrxInfo decodeObject(byte[] json) {
        throw new IllegalStateException("pending");
    }

    /** Encodes a JSON object compactly (e.g. the plaintext of a JWE field). */
    public byte[] encodeObject(TrxInfo object) {
        throw new IllegalStateException("pending");
    }

    /**
     * The idempotency fingerprint (decisions.md §4): lower-case hex SHA-256 over {@code msgType}, a newline, and the
     * canonical JSON of {@code trxInfo} (members sorted by name at every level, no whitespace, numbers as sent).
     */
    public static String fingerprint(String msgType, TrxInfo trxInfo) {
        throw new IllegalStateException("pending");
    }

    /**
     * Checks {@code msgInfo} against protocol.md §2.2: versionNo ANS 5, msgID AN 17-49, timeStamp N 14 and a real
     * {@code yyyyMMddHHmmss} time, msgType ANS 1-50, insID AN 1-16. Returns null when valid.
     */
    public static FieldError validateMsgInfo(MsgInfo msgInfo) {
        throw new IllegalStateException("pending");
    }
}
