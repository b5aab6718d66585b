package org.openscis.server.qr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.openscis.router.MessageType;
import org.openscis.router.port.Discount;
import org.openscis.router.port.Promotions;
import org.openscis.server.config.QrPromotionConfig;

/**
 * {@link Promotions} from {@code qr.promotions}: the first configured promotion that applies wins (they are not
 * added up). A percentage is taken of the amount and rounded half up to the minor unit, then capped; a discount that
 * comes to zero, or to the whole amount or more, does not apply.
 */
public final class ConfiguredPromotions implements Promotions {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final List<QrPromotionConfig> promotions;

    public ConfiguredPromotions(List<QrPromotionConfig> promotions) {
        this.promotions = List.copyOf(promotions);
    }

    @Override
    public Optional<Discount> find(String issuerIin, MessageType type, String mcc, long amountMinor, String currency) {
        for (QrPromotionConfig p : promotions) {
            if (!applies(p, issuerIin, type, mcc, amountMinor, currency)) {
                continue;
            }
            long discount = discountMinor(p, amountMinor);
            if (discount > 0 && discount < amountMinor) {
                return Optional.of(new Discount(discount, p.note()));
            }
        }
        return Optional.empty();
    }

    private static boolean applies(QrPromotionConfig p, String issuerIin, MessageType type, String mcc,
            long amountMinor, String currency) {
        return p.types().contains(type)
                && p.currency().equals(currency)
                && amountMinor >= p.minAmountMinor()
                && (p.issuerIin() == null || p.issuerIin().equals(issuerIin))
                && (p.mcc() == null || p.mcc().equals(mcc));
    }

    static long discountMinor(QrPromotionConfig p, long amountMinor) {
        if (p.discountPercent() == null) {
            return p.discountMinor();
        }
        long discount = BigDecimal.valueOf(amountMinor).multiply(p.discountPercent())
                .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
        return p.maxDiscountMinor() > 0 ? Math.min(discount, p.maxDiscountMinor()) : discount;
    }

    @Override
    public String toString() {
        return "ConfiguredPromotions[" + promotions.size() + "]";
    }
}
