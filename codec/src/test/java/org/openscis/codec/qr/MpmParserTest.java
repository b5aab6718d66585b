package org.openscis.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parser rules beyond the vectors: policy switches, null input, payload accessors. */
class MpmParserTest {

    private final MpmParser strict = new MpmParser(MpmPolicy.strict());

    private static MpmBuilder base() {
        return MpmBuilder.create().put("01", "12").unionPay("30010344", "00010344", "123456789012345")
                .put("52", "5812").put("53", "344").put("58", "HK").put("59", "UPI TEST CAFE").put("60", "HONG KONG");
    }

    @Test
    void nullIsEmptyAndTheEmptyStringIsTruncated() {
        assertThat(strict.parse(null)).isEqualTo(new MpmResult.Failed(MpmError.EMPTY, "no payload"));
        assertThat(strict.parse("")).extracting(r -> ((MpmResult.Failed) r).error()).isEqualTo(MpmError.TRUNCATED);
    }

    @Test
    void lengthLimitIsAPolicyThatCanBeTurnedOff() {
        MpmBuilder b = base();
        for (int id = 80; id < 85; id++) {
            b.put(String.valueOf(id), "0032" + "G".repeat(32) + "0159" + "X".repeat(59));
        }
        String payload = b.build();
        assertThat(payload.length()).isGreaterThan(512);

        assertThat(strict.parse(payload)).isInstanceOfSatisfying(MpmResult.Failed.class,
                f -> assertThat(f.error()).isEqualTo(MpmError.PAYLOAD_TOO_LONG));
        assertThat(new MpmParser(new MpmPolicy(0, true)).parse(payload)).isInstanceOf(MpmResult.Parsed.class);
    }

    @Test
    void lengthLimitCountsCodePoints() {
        MpmBuilder b = base();
        for (int id = 80; id < 83; id++) {
            b.put(String.valueOf(id), "0002AB" + "0189" + "𠮷".repeat(89));
        }
        String payload = b.build();
        assertThat(payload.codePointCount(0, payload.length())).isLessThanOrEqualTo(512);
        assertThat(payload.length()).isGreaterThan(512);

        assertThat(strict.parse(payload)).isInstanceOf(MpmResult.Parsed.class);
    }

    @Test
    void amountDecimalsIsAPolicyThatCanBeTurnedOff() {
        String yen = base().put("53", "392").put("54", "999.123").build();

        assertThat(strict.parse(yen)).isInstanceOfSatisfying(MpmResult.Failed.class,
                f -> assertThat(f.error()).isEqualTo(MpmError.AMOUNT_DECIMALS));
        assertThat(new MpmParser(new MpmPolicy(512, false)).parse(yen)).isInstanceOf(MpmResult.Parsed.class);
    }

    @Test
    void amountOfAnUnknownCurrencyIsNotCheckedForDecimals() {
        assertThat(strict.parse(base().put("53", "999").put("54", "1.234").build())).isInstanceOf(MpmResult.Parsed.class);
    }

    @Test
    void amountReadsAsBigDecimalIncludingATrailingPoint() {
        MpmPayload p = parsed(base().put("54", "98.").build());

        assertThat(p.amount()).contains(new BigDecimal("98"));
        assertThat(p.transactionAmount()).contains("98.");
    }

    @Test
    void percentageBounds() {
        assertThat(error(base().put("55", "03").put("57", "0.00").build())).isEqualTo(MpmError.PERCENTAGE_FORMAT);
        assertThat(error(base().put("55", "03").put("57", "100").build())).isEqualTo(MpmError.PERCENTAGE_FORMAT);
        assertThat(error(base().put("55", "03").put("57", "1.234").build())).isEqualTo(MpmError.PERCENTAGE_FORMAT);
        assertThat(error(base().put("55", "03").put("57", ".5").build())).isEqualTo(MpmError.PERCENTAGE_FORMAT);
        assertThat(error(base().put("55", "03").put("57", "5%").build())).isEqualTo(MpmError.PERCENTAGE_FORMAT);
        assertThat(parsed(base().put("55", "03").put("57", "00.01").build()).convenienceFeePercentage()).contains("00.01");
        assertThat(parsed(base().put("55", "03").put("57", "99.99").build()).convenienceFeePercentage()).contains("99.99");
    }

    @Test
    void tipRules() {
        assertThat(error(base().put("55", "01").put("56", "1.00").build())).isEqualTo(MpmError.CONVENIENCE_FEE_UNEXPECTED);
        assertThat(error(base().put("55", "02").put("56", "1.00").put("57", "1").build()))
                .isEqualTo(MpmError.CONVENIENCE_FEE_UNEXPECTED);
        assertThat(error(base().put("55", "03").build())).isEqualTo(MpmError.CONVENIENCE_FEE_MISSING);
        assertThat(error(base().put("55", "03").put("57", "5").put("56", "1").build()))
                .isEqualTo(MpmError.CONVENIENCE_FEE_UNEXPECTED);
        assertThat(error(base().put("55", "02").put("56", "0.00").build())).isEqualTo(MpmError.AMOUNT_ZERO);
        assertThat(parsed(base().put("55", "01").build()).tipIndicator()).contains("01");
    }

    @Test
    void templateRules() {
        assertThat(error(base().put("62", "0102AB0102CD").build())).isEqualTo(MpmError.DUPLICATE_ID);
        assertThat(error(base().put("62", "50060102YZ").build())).isEqualTo(MpmError.TEMPLATE_NO_GUI);
        assertThat(error(base().put("62", "0126" + "A".repeat(26)).build())).isEqualTo(MpmError.TOO_LONG);
        assertThat(error(base().put("62", "0102é1").build())).isEqualTo(MpmError.CHARSET);
        assertThat(error(base().put("62", "0900").build())).isEqualTo(MpmError.LENGTH_ZERO);
        assertThat(error(base().put("64", "0003ZHO0102AB").build())).isEqualTo(MpmError.LANGUAGE_FORMAT);
        assertThat(error(base().put("64", "0002Z10102AB").build())).isEqualTo(MpmError.LANGUAGE_FORMAT);
        assertThat(error(base().put("64", "0002ZH0126" + "名".repeat(26)).build())).isEqualTo(MpmError.TOO_LONG);
        assertThat(error(base().put("64", "0002ZH0102AB0216" + "名".repeat(16)).build())).isEqualTo(MpmError.TOO_LONG);
        assertThat(error(base().put("27", "0102AB").build())).isEqualTo(MpmError.TEMPLATE_NO_GUI);
        assertThat(error(base().put("99", "00").build())).isEqualTo(MpmError.TRUNCATED);
    }

    @Test
    void rfuAndUnknownObjectsAreKept() {
        MpmPayload p = parsed(base().put("16", "UNKNOWN").put("70", "Ω RFU").put("62", "1003TAX0104BILL").build());

        assertThat(p.merchantAccounts()).containsEntry("16", "UNKNOWN");
        assertThat(p.rfu()).containsEntry("70", "Ω RFU");
        assertThat(p.additionalData().orElseThrow().bySubId()).containsEntry("10", "TAX");
        assertThat(p.additionalData().orElseThrow().billNumber()).contains("BILL");
    }

    @Test
    void lowerCaseCrcIsAcceptedWithAWarning() {
        String payload = base().build();
        for (int i = 0; !payload.substring(payload.length() - 4).matches(".*[A-F].*"); i++) {
            payload = base().put("61", String.valueOf(i)).build();
        }
        String lower = payload.substring(0, payload.length() - 4) + payload.substring(payload.length() - 4).toLowerCase();
        assertThat(lower).isNotEqualTo(payload);

        MpmResult r = strict.parse(lower);

        assertThat(r).isInstanceOfSatisfying(MpmResult.Parsed.class,
                p -> assertThat(p.warnings()).containsExactly(MpmParser.WARNING_CRC_LOWERCASE));
    }

    @Test
    void valueAcceptsOnlyTwoDigitIds() {
        MpmPayload p = parsed(base().build());

        assertThat(p.value("15")).contains("3001034400010344123456789012345");
        assertThat(p.value("5")).isEmpty();
        assertThat(p.value("x1")).isEmpty();
        assertThat(p.value(null)).isEmpty();
    }

    private MpmPayload parsed(String payload) {
        MpmResult r = strict.parse(payload);
        assertThat(r).isInstanceOf(MpmResult.Parsed.class);
        return ((MpmResult.Parsed) r).payload();
    }

    private MpmError error(String payload) {
        MpmResult r = strict.parse(payload);
        assertThat(r).isInstanceOf(MpmResult.Failed.class);
        return ((MpmResult.Failed) r).error();
    }
}
