package org.openscis.codec.qr;

/**
 * CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR), the checksum of EMVCo MPM ID 63.
 * The text variants encode to UTF-8 on the fly so the parse path needs no byte array.
 */
public final class Crc16 {

    private static final int INIT = 0xFFFF;
    private static final int[] TABLE = table();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Crc16() {
    }

    /** The CRC of {@code len} bytes of {@code b} from {@code off}. */
    public static int ccittFalse(byte[] b, int off, int len) {
        int crc = INIT;
        for (int i = off, end = off + len; i < end; i++) {
            crc = step(crc, b[i]);
        }
        return crc;
    }

    /** The CRC of the UTF-8 bytes of {@code s} between the char indexes {@code from} (inclusive) and {@code to}. */
    public static int ccittFalse(CharSequence s, int from, int to) {
        int crc = INIT;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                crc = step(crc, c);
            } else if (c < 0x800) {
                crc = step(crc, 0xC0 | (c >> 6));
                crc = step(crc, 0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                crc = step(crc, 0xF0 | (cp >> 18));
                crc = step(crc, 0x80 | ((cp >> 12) & 0x3F));
                crc = step(crc, 0x80 | ((cp >> 6) & 0x3F));
                crc = step(crc, 0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate has no UTF-8 form; Java's encoder writes '?' for it, and so do we.
                crc = step(crc, '?');
            } else {
                crc = step(crc, 0xE0 | (c >> 12));
                crc = step(crc, 0x80 | ((c >> 6) & 0x3F));
                crc = step(crc, 0x80 | (c & 0x3F));
            }
        }
        return crc;
    }

    /** The CRC as 4 upper-case hex digits, zero padded. */
    public static String hex(int crc) {
        char[] out = new char[4];
        for (int i = 3; i >= 0; i--) {
            out[i] = HEX[crc & 0xF];
            crc >>>= 4;
        }
        return new String(out);
    }

    private static int step(int crc, int b) {
        return ((crc << 8) ^ TABLE[((crc >>> 8) ^ b) & 0xFF]) & 0xFFFF;
    }

    private static int[] table() {
        int[] t = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n << 8;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
            }
            t[n] = c & 0xFFFF;
        }
        return t;
    }
}
