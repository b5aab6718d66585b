package org.openscis.server.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openscis.router.MessageType;
import org.openscis.router.port.Discount;
import org.openscis.server.config.QrPromotionConfig;

class ConfiguredPromotionsTest {

    private static final Set<MessageType> BOTH = Set.of(MessageType.MPQRC_PAYMENT_EMV, MessageType.MPQRC_PAYMENT_URL);
    private static final QrPromotionConfig DEMO = new QrPromotionConfig(null, BOTH, "5812", "344", 1000, 0,
            new BigDecimal("10"), 500, "10% off");
    private static final QrPromotionConfig FIXED_FOR_ONE_ISSUER = new QrPromotionConfig("62000001",
            Set.of(MessageType.MPQRC_PAYMENT_URL), null, "344", 0, 150, null, 0, "1.50 off");

    private final ConfiguredPromotions promotions = new ConfiguredPromotions(List.of(DEMO, FIXED_FOR_ONE_ISSUER));

    @Test
    void aPercentageIsRoundedHalfUpAndCapped() {
        assertThat(promotions.find("62000009", MessageType.MPQRC_PAYMENT_EMV, "5812", 2500, "344"))
                .contains(new Discount(250, "10% off"));
        assertThat(promotions.find("62000009", MessageType.MPQRC_PAYMENT_EMV, "5812", 1005, "344"))
                .as("100.5 rounds up").contains(new Discount(101, "10% off"));
        assertThat(promotions.find("62000009", MessageType.MPQRC_PAYMENT_EMV, "5812", 1004, "344"))
                .contains(new Discount(100, "10% off"));
        assertThat(promotions.find("62000009", MessageType.MPQRC_PAYMENT_URL, "5812", 100_000, "344"))
                .contains(new Discount(500, "10% off"));
    }

    @Test
    void theConditionsOfAPromotionAllApply() {
        assertThat(promotions.find("62000009", MessageType.MPQRC_PAYMENT_EMV, "5812", 999, "344"))
                .as("below the minimum").isEmpty();
        assertThat(promotions.find("62000009", MessageType.MPQRC_PAYMENT_EMV, "5411", 2500, "344"))
                .as("another category").isEmpty();
        assertThat(promotions.find("62000009", MessageType.MPQRC_PAYMENT_EMV, "5812", 2500, "840"))
                .as("another currency").isEmpty();
        assertThat(promotions.find("62000009", MessageType.BILL_PAYMENT, "5812", 2500, "344"))
                .as("another type").isEmpty();
        assertThat(promotions.find("62000001", MessageType.MPQRC_PAYMENT_URL, "5411", 2500, "344"))
                .as("the issuer's own promotion").contains(new Discount(150, "1.50 off"));
        assertThat(promotions.find("62000002", MessageType.MPQRC_PAYMENT_URL, "5411", 2500, "344"))
                .as("another issuer").isEmpty();
        assertThat(promotions.find("62000001", MessageType.MPQRC_PAYMENT_URL, "5812", 2500, "344"))
                .as("the first that applies wins").contains(new Discount(250, "10% off"));
    }

    @Test
    void aDiscountThatLeavesNothingToPayOrComesToZeroDoesNotApply() {
        assertThat(promotions.find("62000001", MessageType.MPQRC_PAYMENT_URL, "5411", 150, "344")).isEmpty();
        assertThat(promotions.find("62000001", MessageType.MPQRC_PAYMENT_URL, "5411", 151, "344"))
                .contains(new Discount(150, "1.50 off"));
        ConfiguredPromotions tiny = new ConfiguredPromotions(List.of(new QrPromotionConfig(null, BOTH, null, "344",
                0, 0, new BigDecimal("1"), 0, "1%")));
        assertThat(tiny.find("62000001", MessageType.MPQRC_PAYMENT_URL, "5411", 49, "344")).isEmpty();
        assertThat(tiny.find("62000001", MessageType.MPQRC_PAYMENT_URL, "5411", 50, "344"))
                .contains(new Discount(1, "1%"));
    }
}
