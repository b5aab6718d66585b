package org.openscis.codec.qr;

import java.util.Optional;
import org.openscis.codec.mask.Masking;

/**
 * Track 2 Equivalent Data, EMV tag 57 (qr.md §9.2): PAN · D · expiry YYMM · service code · discretionary data, packed
 * as nibbles with one F pad nibble when their count is odd.
 */
public record Track2(String pan, String expiryYymm, String serviceCode, String discretionaryData) {

    static final int MIN_PAN_DIGITS = 12;
    static final int MAX_PAN_DIGITS = 19;
    static final int MAX_BYTES = 19;
    private static final int SEPARATOR = 0xD;
    private static final int PAD = 0xF;
    private static final int EXPIRY_DIGITS = 4;
    private static final int SERVICE_CODE_DIGITS = 3;

    public Track2 {
        if (!digits(pan) || pan.length() < MIN_PAN_DIGITS || pan.length() > MAX_PAN_DIGITS) {
            throw new IllegalArgumentException("PAN must be " + MIN_PAN_DIGITS + "-" + MAX_PAN_DIGITS + " digits");
        }
        if (!digits(expiryYymm) || expiryYymm.length() != EXPIRY_DIGITS || !month(expiryYymm)) {
            throw new IllegalArgumentException("expiry must be YYMM");
        }
        if (!digits(serviceCode) || serviceCode.length() != SERVICE_CODE_DIGITS) {
            throw new IllegalArgumentException("service code must be 3 digits");
        }
        if (!digits(discretionaryData)) {
            throw new IllegalArgumentException("discretionary data must be digits");
        }
        int nibbles = pan.length() + 1 + EXPIRY_DIGITS + SERVICE_CODE_DIGITS + discretionaryData.length();
        if ((nibbles + 1) / 2 > MAX_BYTES) {
            throw new IllegalArgumentException("track 2 longer than " + MAX_BYTES + " bytes");
        }
    }

    /** Decodes the value of tag 57; empty when it is not PAN + D + YYMM + service code (+ data) (+ F). */
    public static Optional<Track2> decode(byte[] tag57) {
        if (tag57 == null || tag57.length == 0 || tag57.length > MAX_BYTES) {
            return Optional.empty();
        }
        int nibbles = tag57.length * 2;
        if (nibble(tag57, nibbles - 1) == PAD) {
            nibbles--;
        }
        int separator = -1;
        for (int i = 0; i < nibbles; i++) {
            int n = nibble(tag57, i);
            if (n == SEPARATOR && separator < 0) {
                separator = i;
            } else if (n > 9) {
                return Optional.empty();
            }
        }
        if (separator < MIN_PAN_DIGITS || separator > MAX_PAN_DIGITS
                || nibbles - separator - 1 < EXPIRY_DIGITS + SERVICE_CODE_DIGITS) {
            return Optional.empty();
        }
        String text = digitsOf(tag57, nibbles, separator);
        String pan = text.substring(0, separator);
        String expiry = text.substring(separator + 1, separator + 1 + EXPIRY_DIGITS);
        if (!month(expiry)) {
            return Optional.empty();
        }
        int service = separator + 1 + EXPIRY_DIGITS;
        return Optional.of(new Track2(pan, expiry, text.substring(service, service + SERVICE_CODE_DIGITS),
                text.substring(service + SERVICE_CODE_DIGITS)));
    }

    /** The value of tag 57. */
    public byte[] encode() {
        String text = pan + 'D' + expiryYymm + serviceCode + discretionaryData;
        int nibbles = text.length();
        byte[] out = new byte[(nibbles + 1) / 2];
        for (int i = 0; i < out.length * 2; i++) {
            int n = i < nibbles ? Character.digit(text.charAt(i), 16) : PAD;
            out[i / 2] |= (byte) (i % 2 == 0 ? n << 4 : n);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Track2[pan=" + Masking.pan(pan) + ", expiry=**, serviceCode=" + serviceCode + "]";
    }

    private static String digitsOf(byte[] b, int nibbles, int separator) {
        char[] out = new char[nibbles];
        for (int i = 0; i < nibbles; i++) {
            out[i] = i == separator ? 'D' : (char) ('0' + nibble(b, i));
        }
        return new String(out);
    }

    private static int nibble(byte[] b, int i) {
        int v = b[i / 2] & 0xFF;
        return i % 2 == 0 ? v >>> 4 : v & 0xF;
    }

    private static boolean month(String yymm) {
        int mm = (yymm.charAt(2) - '0') * 10 + (yymm.charAt(3) - '0');
        return mm >= 1 && mm <= 12;
    }

    private static boolean digits(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
