package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;

class UrlQrPaymentTest {

    private static final String FIXED = "https://qr.95516.com/00010000/62000000000000000000000001";
    private static final QrPayer PAYER = new QrPayer("device-1", "user-1", "6292610358444335641");
    private static final TrxInfo FIXED_ORDER = TrxInfo.builder().put("trxAmt", "25.00").put("trxCurrency", "344")
            .put("qrcUseCase", "10").put("merchantName", "Demo Noodle House").put("mcc", "5812").build();
    private static final TrxInfo OPEN_ORDER = TrxInfo.builder().put("trxCurrency", "344")
            .put("upperLimitAmt", "1000.00").put("merchantName", "Demo Corner Store").put("mcc", "5411").build();

    @Test
    void theInquirySendsTheUrlVerbatim() {
        QrPlan.Send inquiry = (QrPlan.Send) UrlQrPayment.inquiry(PAYER, FIXED);

        assertThat(inquiry.msgType()).isEqualTo("QRC_INFO_INQUIRY");
        assertThat(inquiry.trxInfo()).isEqualTo(TrxInfo.builder().put("deviceID", "device-1")
                .put("userID", "user-1").put("mpqrcPayload", FIXED).build());
        assertThat(UrlQrPayment.inquiry(PAYER, "https://qr.95516.com.evil/00010000/62000000000000000000000001"))
                .isInstanceOf(QrPlan.Refused.class);
        assertThat(UrlQrPayment.isUrl(FIXED)).isTrue();
        assertThat(UrlQrPayment.isUrl("000201")).isFalse();
    }

    @Test
    void aFixedAmountOrderIsPaidAtItsAmountReferencingTheInquiry() {
        QrPlan.Send pay = (QrPlan.Send) UrlQrPayment.payment(PAYER, FIXED, "A39990157INQUIRY", FIXED_ORDER, null);

        assertThat(pay.msgType()).isEqualTo("MPQRC_PAYMENT_URL");
        assertThat(pay.trxInfo()).isEqualTo(TrxInfo.builder().put("deviceID", "device-1").put("userID", "user-1")
                .put("token", "6292610358444335641").put("origTrxMsgID", "A39990157INQUIRY").put("trxAmt", "25.00")
                .put("trxCurrency", "344").put("mpqrcPayload", FIXED).put("merchantInfo", TrxInfo.builder()
                        .put("merchantName", "Demo Noodle House").put("mcc", "5812").build()).build());
        assertThat(UrlQrPayment.payment(PAYER, FIXED, "A1", FIXED_ORDER, "25")).isInstanceOf(QrPlan.Send.class);
        assertThat(((QrPlan.Refused) UrlQrPayment.payment(PAYER, FIXED, "A1", FIXED_ORDER, "20.00")).reason())
                .contains("fixes the amount at 25.00");
    }

    @Test
    void anOpenAmountOrderNeedsThePayersAmount() {
        assertThat(((QrPlan.Send) UrlQrPayment.payment(PAYER, FIXED, "A1", OPEN_ORDER, "8.5")).trxInfo()
                .string("trxAmt")).isEqualTo("8.50");
        assertThat(((QrPlan.Refused) UrlQrPayment.payment(PAYER, FIXED, "A1", OPEN_ORDER, null)).reason())
                .contains("give the amount").contains("at most 1000.00");
        assertThat(UrlQrPayment.payment(PAYER, FIXED, "A1", OPEN_ORDER, "abc")).isInstanceOf(QrPlan.Refused.class);
        assertThat(UrlQrPayment.payment(PAYER, FIXED, "A1", TrxInfo.EMPTY, "1.00")).isInstanceOf(QrPlan.Refused.class);
        assertThat(UrlQrPayment.payment(PAYER, FIXED, "A1", TrxInfo.builder().put("trxCurrency", "999").build(),
                "1.00")).isInstanceOf(QrPlan.Refused.class);
    }
}
