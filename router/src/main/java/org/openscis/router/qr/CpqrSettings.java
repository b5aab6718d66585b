package org.openscis.router.qr;

import java.time.Duration;
import java.util.Objects;

/**
 * The rules of QRC_GENERATION (config {@code qr.codes}).
 *
 * @param validity      how long an issued code can be scanned ({@code qr.codes.validity}, default 5 minutes)
 * @param maxPerRequest the largest {@code cpqrcNo} ({@code qr.codes.maxPerRequest}, default 10, at most 99)
 */
public record CpqrSettings(Duration validity, int maxPerRequest) {

    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_PER_REQUEST = 10;
    /** {@code cpqrcNo} has two digits. */
    public static final int MAX_PER_REQUEST_LIMIT = 99;

    public CpqrSettings {
        Objects.requireNonNull(validity, "validity");
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive: " + validity);
        }
        if (maxPerRequest < 1 || maxPerRequest > MAX_PER_REQUEST_LIMIT) {
            throw new IllegalArgumentException("maxPerRequest must be 1 to " + MAX_PER_REQUEST_LIMIT);
        }
    }

    public static CpqrSettings defaults() {
        return new CpqrSettings(DEFAULT_VALIDITY, DEFAULT_MAX_PER_REQUEST);
    }
}
