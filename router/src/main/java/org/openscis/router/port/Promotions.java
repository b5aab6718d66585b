package org.openscis.router.port;

import java.util.Optional;
import org.openscis.router.MessageType;

/** Promotions that lower what a merchant-presented QR payment charges the cardholder (protocol.md §5.7). */
public interface Promotions {

    /**
     * The discount on a payment of {@code amountMinor} (before any fee) in {@code currency} by a card of
     * {@code issuerIin} at a merchant of category {@code mcc}, or empty when none applies. The discount is always
     * less than the amount.
     */
    Optional<Discount> find(String issuerIin, MessageType type, String mcc, long amountMinor, String currency);
}
