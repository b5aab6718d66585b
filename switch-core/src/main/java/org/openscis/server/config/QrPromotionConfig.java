package org.openscis.server.config;

import java.math.BigDecimal;
import java.util.Set;
import org.openscis.router.MessageType;

/**
 * One entry of {@code qr.promotions}: a discount on merchant-presented QR payments (protocol.md §5.7). It applies to a
 * payment of one of {@code types}, in {@code currency}, of at least {@code minAmountMinor}, by a card of
 * {@code issuerIin} (null: any issuer) at a merchant of category {@code mcc} (null: any). The discount is either
 * {@code discountMinor} or {@code discountPercent} of the amount (rounded half up to the minor unit), capped at
 * {@code maxDiscountMinor} (0: no cap); a discount that would leave nothing to pay does not apply.
 */
public record QrPromotionConfig(String issuerIin, Set<MessageType> types, String mcc, String currency,
        long minAmountMinor, long discountMinor, BigDecimal discountPercent, long maxDiscountMinor, String note) {

    public QrPromotionConfig {
        types = Set.copyOf(types);
    }
}
