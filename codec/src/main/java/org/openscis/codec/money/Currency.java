package org.openscis.codec.money;

import java.util.Optional;

/** An ISO 4217 currency by its numeric code, with its minor-unit exponent. */
public record Currency(String numeric, String alpha, int exponent) {

    /** The currency with this 3-digit numeric code, if ISO 4217 defines one. */
    public static Optional<Currency> byNumeric(String numeric) {
        throw new IllegalStateException("pending");
    }
}
