package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.server.client.qr.MerchantQr;
import org.openscis.server.client.qr.QrVectors;

class MerchantQrPaymentTest {

    /** protocol.md §7.11, the QR a real wallet paid (the space in "Discount Testing" restored, as in the vector). */
    private static final String SPEC_PAYLOAD = QrVectors.validMpm("mpm-p02-rrtx-hk-restored");
    private static final QrPayer PAYER = new QrPayer("device-1", "user-1", "6292610358444335641");

    private final MerchantQrPayment payment = new MerchantQrPayment();

    private static String cafe(String amount, String tip) {
        return ((MerchantQr.Built.Payload) new MerchantQr("25000344", "00020344", "500034470110001", "Demo Cafe",
                "Hong Kong", "5812", "344", "HK", amount, MerchantQr.tipOf(tip).orElse(null), null, null).build())
                .text();
    }

    private TrxInfo sent(String payload, String amount, String tip) {
        QrPlan plan = payment.plan(PAYER, payload, amount, tip);
        assertThat(plan).isInstanceOf(QrPlan.Send.class);
        assertThat(((QrPlan.Send) plan).msgType()).isEqualTo("MPQRC_PAYMENT_EMV");
        return ((QrPlan.Send) plan).trxInfo();
    }

    private String refusal(String payload, String amount, String tip) {
        QrPlan plan = payment.plan(PAYER, payload, amount, tip);
        assertThat(plan).isInstanceOf(QrPlan.Refused.class);
        return ((QrPlan.Refused) plan).reason();
    }

    @Test
    void fillsTheRequestAsTheSpecsWalletDid() {
        TrxInfo trx = sent(SPEC_PAYLOAD, "1.00", null);

        assertThat(trx.string("deviceID")).isEqualTo("device-1");
        assertThat(trx.string("userID")).isEqualTo("user-1");
        assertThat(trx.string("token")).isEqualTo("6292610358444335641");
        assertThat(trx.string("trxAmt")).isEqualTo("1.00");
        assertThat(trx.string("trxCurrency")).isEqualTo("344");
        assertThat(trx.string("mpqrcPayload")).isEqualTo(SPEC_PAYLOAD);
        assertThat(trx.has("trxFeeAmt")).isFalse();
        assertThat(trx.object("merchantInfo")).isEqualTo(TrxInfo.builder().put("acquirerIIN", "25000344")
                .put("fwdIIN", "00020344").put("mid", "500034470110001").put("merchantName", "Discount Testing")
                .put("mcc", "7011").build());
        assertThat(trx.object("additionalData")).isEqualTo(TrxInfo.builder().put("billNo", "00000000000000000000")
                .put("referenceLabel", "00000000000000000000").put("terminalLabel", "88888888").build());
    }

    @Test
    void theAmountComesFromTag54OrFromThePayer() {
        assertThat(sent(cafe("12.50", null), null, null).string("trxAmt")).isEqualTo("12.50");
        assertThat(sent(cafe("12.50", null), "12.5", null).string("trxAmt")).isEqualTo("12.50");
        assertThat(refusal(cafe("12.50", null), "13.00", null)).contains("fixes the amount at 12.50");
        assertThat(refusal(cafe(null, null), null, null)).contains("no amount");
        assertThat(refusal(cafe(null, null), "0", null)).startsWith("amount:");
        assertThat(refusal(cafe(null, null), "1.234", null)).startsWith("amount:");
        assertThat(sent(cafe(null, null), "7", null).string("trxAmt")).isEqualTo("7.00");
    }

    @Test
    void aTipIsAddedWhenTheCodeAsksForOne() {
        assertThat(sent(cafe("10.00", "prompt"), null, "1.50").string("trxAmt")).isEqualTo("11.50");
        assertThat(sent(cafe("10.00", "prompt"), null, null).string("trxAmt")).isEqualTo("10.00");
        assertThat(sent(cafe(null, "prompt"), "4.00", "0.40").string("trxAmt")).isEqualTo("4.40");
        assertThat(refusal(cafe("10.00", "prompt"), null, "-1")).startsWith("tip:");
        assertThat(refusal(cafe("10.00", null), null, "1.00")).contains("does not ask for a tip");
        assertThat(refusal(cafe("10.00", "fixed:1.00"), null, "1.00")).contains("does not ask for a tip");
    }

    @Test
    void convenienceFeesGoInTrxFeeAmt() {
        TrxInfo fixed = sent(cafe("10.00", "fixed:1.00"), null, null);
        assertThat(fixed.string("trxAmt")).isEqualTo("10.00");
        assertThat(fixed.string("trxFeeAmt")).isEqualTo("1.00");
        // 5 % of 12.34 = 0.617, half up to 0.62; 2.5 % of 0.10 = 0.0025 → 0.00
        assertThat(sent(cafe("12.34", "percent:5"), null, null).string("trxFeeAmt")).isEqualTo("0.62");
        assertThat(sent(cafe(null, "percent:2.5"), "0.10", null).string("trxFeeAmt")).isEqualTo("0.00");
        assertThat(sent(cafe(null, "percent:3"), "0.50", null).string("trxFeeAmt")).isEqualTo("0.02");
    }

    @Test
    void promptedAdditionalDataIsLeftOutWithANote() {
        QrPlan.Send plan = (QrPlan.Send) payment.plan(PAYER, QrVectors.validMpm("mpm-c07-up-prompts"), "1.00", null);

        assertThat(plan.notes()).containsExactlyInAnyOrder(
                "the QR asks the payer for mobileNo (62-02); not sent",
                "the QR asks the payer for customerLabel (62-06); not sent");
        assertThat(plan.trxInfo().has("additionalData")).isFalse();
    }

    @Test
    void codesNoUnionPayWalletPaysAreRefused() {
        assertThat(refusal(QrVectors.validMpm("mpm-p14-emvco-annex-b"), null, null)).contains("ID 15");
        assertThat(refusal(SPEC_PAYLOAD.substring(0, SPEC_PAYLOAD.length() - 1) + "4", "1.00", null))
                .contains("CRC_MISMATCH");
        assertThat(refusal("", null, null)).startsWith("not a valid EMV merchant QR");
        assertThat(refusal("https://qr.95516.com/00010000/62000000000000000000000001", null, null))
                .startsWith("not a valid EMV merchant QR");
    }
}
