package org.openscis.router.qr;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The application cryptogram (tag 9F26) of the codes the switch issues. It is HMAC-based, not an EMV-certified
 * ARQC: nobody but this switch ever verifies it, so it only has to be unforgeable without the key and bound to the
 * code's data.
 * <ul>
 *   <li>per-token key = HMAC-SHA256(master key, {@code "cpqr|" + token});</li>
 *   <li>cryptogram = the first 8 bytes of HMAC-SHA256(token key, {@code token | ATC | UN | AIP | expiry}), where
 *       token and expiry (YYMM) are ASCII, the ATC is 2 bytes big-endian, UN 4 bytes and AIP 2 bytes as in the
 *       payload, and {@code |} is one 0x7C byte. Every field but the token has a fixed length and the token is
 *       digits only, so the encoding is unambiguous.</li>
 * </ul>
 * Thread-safe ({@link Mac} instances are made per call).
 */
public final class CodeCryptogram {

    public static final int MASTER_KEY_BYTES = 32;
    public static final int CRYPTOGRAM_BYTES = 8;
    public static final int UNPREDICTABLE_NUMBER_BYTES = 4;
    public static final int AIP_BYTES = 2;
    /** 9F36 is two bytes. */
    public static final int MAX_ATC = 0xFFFF;
    private static final String HMAC = "HmacSHA256";
    private static final byte SEPARATOR = '|';

    private final SecretKeySpec master;

    /** @param masterKey 32 secret bytes the switch keeps; copied */
    public CodeCryptogram(byte[] masterKey) {
        Objects.requireNonNull(masterKey, "masterKey");
        if (masterKey.length != MASTER_KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be " + MASTER_KEY_BYTES + " bytes");
        }
        this.master = new SecretKeySpec(masterKey.clone(), HMAC);
    }

    /** The 8-byte cryptogram of a code; {@code expiryYymm} is the token's expiry as in track 2. */
    public byte[] compute(String token, int atc, byte[] unpredictableNumber, byte[] aip, String expiryYymm) {
        if (atc < 0 || atc > MAX_ATC) {
            throw new IllegalArgumentException("ATC out of range: " + atc);
        }
        require(unpredictableNumber, UNPREDICTABLE_NUMBER_BYTES, "unpredictable number");
        require(aip, AIP_BYTES, "AIP");
        byte[] t = token.getBytes(StandardCharsets.US_ASCII);
        byte[] e = expiryYymm.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer input = ByteBuffer.allocate(t.length + e.length + 2 + UNPREDICTABLE_NUMBER_BYTES + AIP_BYTES + 4);
        input.put(t).put(SEPARATOR).putShort((short) atc).put(SEPARATOR).put(unpredictableNumber).put(SEPARATOR)
                .put(aip).put(SEPARATOR).put(e);
        byte[] tokenKey = hmac(master, ("cpqr|" + token).getBytes(StandardCharsets.US_ASCII));
        byte[] full = hmac(new SecretKeySpec(tokenKey, HMAC), input.array());
        Arrays.fill(tokenKey, (byte) 0);
        return Arrays.copyOf(full, CRYPTOGRAM_BYTES);
    }

    /**
     * Whether {@code cryptogram} is the one of these data, compared in constant time. False, never an exception, for
     * data of the wrong shape (a scanned payload is untrusted).
     */
    public boolean verify(byte[] cryptogram, String token, int atc, byte[] unpredictableNumber, byte[] aip,
            String expiryYymm) {
        if (cryptogram == null || cryptogram.length != CRYPTOGRAM_BYTES || token == null || expiryYymm == null
                || atc < 0 || atc > MAX_ATC || unpredictableNumber == null
                || unpredictableNumber.length != UNPREDICTABLE_NUMBER_BYTES || aip == null
                || aip.length != AIP_BYTES) {
            return false;
        }
        return MessageDigest.isEqual(cryptogram, compute(token, atc, unpredictableNumber, aip, expiryYymm));
    }

    private static void require(byte[] value, int length, String what) {
        if (value == null || value.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes");
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "CodeCryptogram[HMAC-SHA256]";
    }
}
