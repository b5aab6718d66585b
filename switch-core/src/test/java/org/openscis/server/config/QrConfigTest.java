package org.openscis.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.router.MessageType;

/** The {@code qr:} section: the QR host file, the inquiry validity, the promotions and the consumer-presented codes. */
class QrConfigTest {

    @TempDir
    Path tmp;

    @Test
    void absentItMeansNoHostFileAndNoPromotions() throws Exception {
        QrConfig qr = load(TestConfigs.MINIMAL).qr();
        assertThat(qr.urlHost().file()).isNull();
        assertThat(qr.urlHost().inquiryValidity()).isEqualTo(Duration.ofMinutes(10));
        assertThat(qr.promotions()).isEmpty();
        assertThat(qr.codes()).isEqualTo(QrCodesConfig.defaults())
                .isEqualTo(new QrCodesConfig(Duration.ofMinutes(5), 10));
    }

    @Test
    void theShippedConfigurationHasTheHostFileAndTheDemoPromotion() throws Exception {
        OpenScisConfig config = TestConfigs.loader(tmp, Map.of("OPENSCIS_DATA_DIR",
                tmp.resolve("state").toString())).build().load(TestConfigs.shipped());
        QrConfig qr = config.qr();
        assertThat(Path.of(qr.urlHost().file())).isEqualTo(TestConfigs.shipped().getParent().resolve("qr-host.json"));
        assertThat(qr.promotions()).containsExactly(new QrPromotionConfig(null,
                Set.of(MessageType.MPQRC_PAYMENT_EMV, MessageType.MPQRC_PAYMENT_URL), "5812", "344", 1000, 0,
                new BigDecimal("10"), 500, "Demo promotion: 10% off at restaurants"));
        assertThat(qr.codes()).isEqualTo(QrCodesConfig.defaults());
    }

    @Test
    void theCodesAreBound() throws Exception {
        QrConfig qr = load(TestConfigs.MINIMAL + "qr:\n  codes:\n    validity: 90s\n    maxPerRequest: 3\n").qr();
        assertThat(qr.codes()).isEqualTo(new QrCodesConfig(Duration.ofSeconds(90), 3));
    }

    @Test
    void badCodeValuesAreNamed() {
        assertThat(problems(TestConfigs.MINIMAL + "qr:\n  codes:\n    validity: 0s\n    maxPerRequest: 100\n"))
                .anySatisfy(p -> assertThat(p).startsWith("qr.codes.validity: must be longer than zero"))
                .anySatisfy(p -> assertThat(p).startsWith("qr.codes.maxPerRequest: must be between 1 and 99"));
        assertThat(problems(TestConfigs.MINIMAL + "qr:\n  codes:\n    validity: 2d\n    colour: red\n"))
                .anySatisfy(p -> assertThat(p).startsWith("qr.codes.validity: must be at most"))
                .anySatisfy(p -> assertThat(p).contains("qr.codes.colour"));
    }

    @Test
    void everyKeyIsBound() throws Exception {
        QrConfig qr = load(TestConfigs.MINIMAL + String.join("\n",
                "qr:",
                "  urlHost: {file: hosts/qr.json, inquiryValidity: 90s}",
                "  promotions:",
                "    - {issuer: \"62000001\", types: [mpqrc_payment_url], currency: \"344\", discountAmt: \"2\","
                        + " note: two off}",
                "")).qr();
        assertThat(qr.urlHost().file()).isEqualTo(tmp.resolve("conf/hosts/qr.json").toString());
        assertThat(qr.urlHost().inquiryValidity()).isEqualTo(Duration.ofSeconds(90));
        assertThat(qr.promotions()).containsExactly(new QrPromotionConfig("62000001",
                Set.of(MessageType.MPQRC_PAYMENT_URL), null, "344", 0, 200, null, 0, "two off"));
    }

    @Test
    void badValuesAreReportedTogether() {
        List<String> problems = problems(TestConfigs.MINIMAL + String.join("\n",
                "qr:",
                "  urlHost: {inquiryValidity: 0s, port: 1}",
                "  promotions:",
                "    - {issuer: \"62\", types: [BILL_PAYMENT], mcc: \"58\", currency: \"999\", note: x}",
                "    - {types: [], currency: \"344\", minAmount: \"-1\", discountAmt: \"1.001\","
                        + " discountPercent: \"100\", maxDiscount: \"1\"}",
                "    - {currency: \"344\", discountPercent: \"5\", note: \"\"}",
                ""));
        assertThat(String.join("\n", problems)).contains(
                "qr.urlHost.inquiryValidity: must be longer than zero",
                "qr.urlHost.port: unknown key",
                "qr.promotions[0].issuer: must be an issuer IIN (8 digits)",
                "qr.promotions[0].types[0]: must be MPQRC_PAYMENT_EMV or MPQRC_PAYMENT_URL",
                "qr.promotions[0].mcc: must be a merchant category code (4 digits)",
                "qr.promotions[0].currency: is not an ISO 4217 numeric currency code",
                "qr.promotions[0].discountAmt: exactly one of discountAmt and discountPercent is required",
                "qr.promotions[1].types: must name at least one type",
                "qr.promotions[1].minAmount: must be an amount",
                "qr.promotions[1].discountAmt: must be a positive amount",
                "qr.promotions[1].discountPercent: must be a number above 0 and below 100",
                "qr.promotions[1].note: is required",
                "qr.promotions[1].maxDiscount: only caps a discountPercent",
                "qr.promotions[2].note: must be 1 to 120 characters");
    }

    private OpenScisConfig load(String yaml) throws Exception {
        return TestConfigs.loader(tmp, Map.of()).build().load(TestConfigs.write(tmp.resolve("conf"), yaml));
    }

    private List<String> problems(String yaml) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> load(yaml));
        assertThat(t).isInstanceOf(ConfigException.class);
        return ((ConfigException) t).problems();
    }
}
