package org.openscis.codec.qr;

/** UnionPay consumer barcodes (qr.md §9.4): 19 digits starting 62, no check digit. */
public final class Barcodes {

    public static final int DIGITS = 19;
    public static final String PREFIX = "62";

    private Barcodes() {
    }

    public static boolean wellFormed(String s) {
        if (s == null || s.length() != DIGITS || !s.startsWith(PREFIX)) {
            return false;
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
