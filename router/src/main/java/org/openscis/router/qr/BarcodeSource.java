package org.openscis.router.qr;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Barcodes of consumer-presented codes (qr.md §9.4): {@code "62"} and 17 digits from {@link SecureRandom}, about 56
 * bits of entropy. They embed nothing: the switch maps a barcode back to its code; uniqueness is the store's unique
 * constraint (a clash is retried with fresh digits).
 */
public final class BarcodeSource {

    public static final int LENGTH_DIGITS = 19;
    public static final String PREFIX = "62";

    private final SecureRandom random;

    public BarcodeSource(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public String next() {
        StringBuilder sb = new StringBuilder(LENGTH_DIGITS).append(PREFIX);
        while (sb.length() < LENGTH_DIGITS) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }
}
