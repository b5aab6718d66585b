package org.openscis.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;

class CpqrcRequestsTest {

    private static final TokenPool.Enrolled CARD = new TokenPool.Enrolled("d1", "u1", "6292000000000000011",
            "100000000001");
    private static final String PAYLOAD = "hQVDUFYwMWEaTwegAAADMwEBV";
    private static final String BARCODE = "6212345678901234567";

    private final CpqrcRequests requests = new CpqrcRequests("48000344", "00010344", "344");

    @Test
    void generationAsksForOneCodeWithTheLimits() {
        TrxInfo trx = requests.generation(CARD);

        assertThat(trx.names()).containsExactly("deviceID", "userID", "token", "trxLimit", "cvmLimit",
                "limitCurrency", "cpqrcNo");
        assertThat(trx.string("token")).isEqualTo(CARD.token());
        assertThat(trx.string("cpqrcNo")).isEqualTo("01");
        assertThat(trx.string("trxLimit")).isEqualTo(CpqrcRequests.TRX_LIMIT);
        assertThat(trx.string("cvmLimit")).isEqualTo(CpqrcRequests.CVM_LIMIT);
        assertThat(trx.string("limitCurrency")).isEqualTo("344");
        assertThat(new BigDecimal(CpqrcRequests.CVM_LIMIT).movePointRight(2).intValueExact())
                .isEqualTo(CpqrcRequests.CVM_LIMIT_MINOR);
        assertThat(new BigDecimal(CpqrcRequests.MAX_CVM_AMOUNT).movePointRight(2).intValueExact())
                .isEqualTo(CpqrcRequests.MAX_CVM_AMOUNT_MINOR);
    }

    @Test
    void theAcquirerScansThePayloadOrTheBarcodeOfTheGenerationResponse() {
        TrxInfo response = TrxInfo.builder().put("cpqrcNo", "01").put("emvCpqrcPayload", List.of(PAYLOAD))
                .put("barcodeCpqrcPayload", List.of(BARCODE)).build();

        assertThat(CpqrcRequests.scanned(response, false)).contains(new CpqrcRequests.Scanned(PAYLOAD, null));
        assertThat(CpqrcRequests.scanned(response, true)).contains(new CpqrcRequests.Scanned(null, BARCODE));
        assertThat(CpqrcRequests.scanned(TrxInfo.EMPTY, false)).isEmpty();
        assertThat(CpqrcRequests.scanned(TrxInfo.builder().put("emvCpqrcPayload", List.of()).build(), false))
                .isEmpty();
        assertThat(CpqrcRequests.scanned(TrxInfo.builder().put("emvCpqrcPayload", "not an array").build(), false))
                .isEmpty();
    }

    @Test
    void paymentCarriesTheScannedCodeTheAmountAndTheAcquirersMerchant() {
        TrxInfo emv = requests.payment(new CpqrcRequests.Scanned(PAYLOAD, null), "0.25");
        TrxInfo bar = requests.payment(new CpqrcRequests.Scanned(null, BARCODE), "0.75");

        assertThat(emv.names()).containsExactly("emvCpqrcPayload", "trxAmt", "trxCurrency", "merchantInfo",
                "retrivlRefNum", "traceNum", "transDatetime");
        assertThat(emv.string("emvCpqrcPayload")).isEqualTo(PAYLOAD);
        assertThat(bar.string("barcodeCpqrcPayload")).isEqualTo(BARCODE);
        assertThat(bar.get("emvCpqrcPayload")).isNull();
        assertThat(emv.string("trxAmt")).isEqualTo("0.25");
        assertThat(emv.string("trxCurrency")).isEqualTo("344");
        TrxInfo m = emv.object("merchantInfo");
        assertThat(m.names()).containsExactly("acquirerIIN", "fwdIIN", "mid", "merchantName", "mcc",
                "merchantCountry", "termId");
        assertThat(m.string("acquirerIIN")).isEqualTo("48000344");
        assertThat(m.string("fwdIIN")).isEqualTo("00010344");
        assertThat(emv.string("retrivlRefNum")).matches("\\d{12}").isNotEqualTo(bar.string("retrivlRefNum"));
        assertThat(emv.string("traceNum")).matches("\\d{6}");
        assertThat(emv.string("transDatetime")).matches("(0[1-9]|1[0-2])\\d{8}");
    }

    @Test
    void amountsStayAtOrBelowTheCvmLimitOrGoAboveIt() {
        for (int i = 0; i < 300; i++) {
            int below = new BigDecimal(CpqrcRequests.amount(LoadType.CPQRC_PAYMENT)).movePointRight(2)
                    .intValueExact();
            int above = new BigDecimal(CpqrcRequests.amount(LoadType.CPQRC_PAYMENT_CVM)).movePointRight(2)
                    .intValueExact();
            assertThat(below).isBetween(1, CpqrcRequests.CVM_LIMIT_MINOR);
            assertThat(above).isBetween(CpqrcRequests.CVM_LIMIT_MINOR + 1, CpqrcRequests.MAX_CVM_AMOUNT_MINOR);
        }
    }

    @Test
    void continuingNamesTheCodeAsAOneElementArray() {
        TrxInfo emv = CpqrcRequests.continuing(CARD, new CpqrcRequests.Scanned(PAYLOAD, null));
        TrxInfo bar = CpqrcRequests.continuing(CARD, new CpqrcRequests.Scanned(null, BARCODE));

        assertThat(emv.names()).containsExactly("deviceID", "userID", "token", "emvCpqrcPayload", "paymentStatus");
        assertThat(emv.list("emvCpqrcPayload")).containsExactly(PAYLOAD);
        assertThat(emv.string("paymentStatus")).isEqualTo("CONTINUING");
        assertThat(bar.list("barcodeCpqrcPayload")).containsExactly(BARCODE);
        assertThat(bar.get("emvCpqrcPayload")).isNull();
    }

    @Test
    void digitsKeepTheLastOnesZeroPadded() {
        assertThat(CpqrcRequests.digits(42, 6)).isEqualTo("000042");
        assertThat(CpqrcRequests.digits(1_234_567, 6)).isEqualTo("234567");
        assertThat(CpqrcRequests.digits(-1, 6)).isEqualTo("999999");
    }

    @Test
    void scannedNeverShowsTheCode() {
        assertThat(new CpqrcRequests.Scanned(PAYLOAD, null).toString()).doesNotContain(PAYLOAD);
        assertThat(new CpqrcRequests.Scanned(null, BARCODE).toString()).doesNotContain(BARCODE);
    }
}
