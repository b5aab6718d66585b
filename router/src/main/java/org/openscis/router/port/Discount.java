package org.openscis.router.port;

import java.util.Objects;

/**
 * A promotion's discount on one payment: {@code amountMinor} (in the payment's currency, above zero and below the
 * payment's amount) and the {@code discountNote} shown to the cardholder.
 */
public record Discount(long amountMinor, String note) {

    public Discount {
        Objects.requireNonNull(note, "note");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("a discount is above zero");
        }
    }
}
