package org.openscis.codec.money;

import java.util.Optional;

/** An ISO 4217 currency by its numeric code, with its minor-unit exponent. */
public record Currency(String numeric, String alpha, int exponent) {

    /**
     * The currency with this 3-digit numeric code, if ISO 4217 defines one with a minor unit (see {@link Iso4217}).
     * The code must be given exactly as on the wire, with leading zeros ({@code "048"}, not {@code "48"}).
     */
    public static Optional<Currency> byNumeric(String numeric) {
        return Optional.ofNullable(Iso4217.byNumeric(numeric));
    }
}
