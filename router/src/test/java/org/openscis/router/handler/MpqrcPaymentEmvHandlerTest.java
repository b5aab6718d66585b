package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.qr.MpmBuilder;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.testing.FixedPromotions;
import org.openscis.router.testing.MoneyFixture;
import org.openscis.router.testing.QrFixture;

class MpqrcPaymentEmvHandlerTest {

    private static final String ACCOUNT = "774411220055";
    private static final String ACQUIRER = "25000156";
    private static final String FORWARDER = "00020156";
    private static final String MID = "500015670110001";

    private final QrFixture q = new QrFixture();
    private final Handler handler = q.handler(MessageType.MPQRC_PAYMENT_EMV);
    private final CardRecord card = q.card("C9", "31", ACCOUNT);
    private final TokenRecord token = q.token("31", card);

    /** A dynamic UnionPay QR of a Shanghai noodle shop in CNY, terminal T0000009. */
    private static MpmBuilder qr() {
        return MpmBuilder.create()
                .put("01", "12")
                .unionPay(ACQUIRER, FORWARDER, MID)
                .put("52", "5812")
                .put("53", "156")
                .put("58", "CN")
                .put("59", "Noodle Shop")
                .put("60", "Shanghai")
                .template("62", Map.of("07", "T0000009"));
    }

    private TrxInfo.Builder payment(String payload, String amount) {
        return TrxInfo.builder()
                .put("deviceID", DEVICE)
                .put("userID", USER)
                .put("token", token.token())
                .put("trxAmt", amount)
                .put("trxCurrency", "156")
                .put("mpqrcPayload", payload)
                .put("merchantInfo", trx("acquirerIIN", ACQUIRER, "fwdIIN", FORWARDER, "mid", MID,
                        "merchantName", "Noodle Shop", "mcc", "5812"));
    }

    private Outcome pay(TrxInfo trxInfo) {
        return run(handler, q.request(MessageType.MPQRC_PAYMENT_EMV, trxInfo));
    }

    private Outcome pay(String payload, String amount) {
        return pay(payment(payload, amount).build());
    }

    private void assertRefused(Outcome outcome, ResponseCode code) {
        assertThat(outcome.code()).isEqualTo(code);
        assertThat(outcome.trxInfo()).isEqualTo(trx("deviceID", DEVICE));
    }

    @Test
    void aQrWithAnAmountIsPaidOffUsWithTheQrsMerchant() {
        Request request = q.request(MessageType.MPQRC_PAYMENT_EMV, payment(qr().put("54", "25.00").build(), "25")
                .put("additionalData", trx("billNo", "B-7", "terminalLabel", "T0000009"))
                .put("riskInfo", trx("captureMethod", "MANUAL")).put("couponInfo", trx("x", "y"))
                .put("trxNote", "noodles").put("referNo", "r-1").build());

        Outcome outcome = run(handler, request);

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo()).isEqualTo(trx("deviceID", DEVICE, "trxAmt", "25.00", "trxCurrency", "156",
                "qrcVoucherNo", "00000000000000000001"));
        var call = q.m.cbs.onlyCall().call();
        assertThat(call.operation()).isEqualTo(CbsOperation.DEBIT_TRANSACTION);
        TrxInfo sent = call.trxInfo();
        assertThat(sent.string("relTrxMsgID")).isEqualTo(request.msgInfo().msgID());
        assertThat(sent.string("relTrxType")).isEqualTo("MPQRC_PAYMENT_EMV");
        assertThat(sent.string("onUsFlag")).isEqualTo("N");
        assertThat(sent.object("merchantInfo")).isEqualTo(trx("acquirerIIN", ACQUIRER, "fwdIIN", FORWARDER,
                "mid", MID, "merchantName", "Noodle Shop", "mcc", "5812", "merchantCountry", "156",
                "termId", "T0000009"));
        assertThat(sent.string("trxAmt")).isEqualTo("25.00");
        assertThat(sent.string("feeAmt")).isEqualTo("0.00");
        assertThat(sent.object("additionalData")).isEqualTo(trx("billNo", "B-7", "terminalLabel", "T0000009"));
        assertThat(sent.string("trxNote")).isEqualTo("noodles");
        assertThat(sent.string("referNo")).isEqualTo("r-1");
        MoneyTransaction trx = q.m.transactions.findByRequest(WALLET_ID, request.msgInfo().msgID()).orElseThrow();
        assertThat(trx.msgType()).isEqualTo(MessageType.MPQRC_PAYMENT_EMV);
        assertThat(trx.amountMinor()).isEqualTo(2500);
    }

    @Test
    void aRetryGetsTheSameVoucherWithoutASecondDebit() {
        Request request = q.request(MessageType.MPQRC_PAYMENT_EMV, payment(qr().build(), "8.80").build());
        Outcome first = run(handler, request);
        assertThat(first.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(run(handler, request)).isEqualTo(first);
        assertThat(q.m.cbs.calls()).hasSize(1);
    }

    @Test
    void withoutAnAmountThePayerChooses() {
        assertThat(pay(qr().build(), "12.34").code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(q.m.cbs.onlyCall().call().trxInfo().string("trxAmt")).isEqualTo("12.34");
    }

    @Test
    void aTipIsWhatThePayerAddsToTheAmount() {
        String tipQr = qr().put("54", "20.00").put("55", "01").build();
        assertThat(pay(tipQr, "23.00").code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(pay(tipQr, "20").code()).as("no tip").isEqualTo(ResponseCode.APPROVED);
        assertRefused(pay(tipQr, "19.99"), ResponseCode.INVALID_AMOUNT);
        assertThat(q.m.cbs.calls()).extracting(c -> c.call().trxInfo().string("trxAmt"))
                .containsExactly("23.00", "20.00");
        assertThat(q.m.cbs.calls()).extracting(c -> c.call().trxInfo().string("feeAmt"))
                .containsOnly("0.00");
        assertThat(pay(qr().put("55", "01").build(), "5.00").code()).as("no 54: any amount")
                .isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void aFixedConvenienceFeeIsDebitedWithTheAmount() {
        String feeQr = qr().put("54", "30.00").put("55", "02").put("56", "1.50").build();
        Request request = q.request(MessageType.MPQRC_PAYMENT_EMV, payment(feeQr, "30.00").put("trxFeeAmt", "1.5")
                .build());
        Outcome outcome = run(handler, request);
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().string("trxAmt")).isEqualTo("30.00");
        TrxInfo sent = q.m.cbs.onlyCall().call().trxInfo();
        assertThat(sent.string("trxAmt")).isEqualTo("30.00");
        assertThat(sent.string("feeAmt")).isEqualTo("1.50");
        assertThat(q.m.transactions.findByRequest(WALLET_ID, request.msgInfo().msgID()).orElseThrow().amountMinor())
                .as("amount plus fee").isEqualTo(3150);
        assertRefused(pay(feeQr, "31.50"), ResponseCode.INVALID_AMOUNT);
        assertRefused(pay(payment(feeQr, "30").put("trxFeeAmt", "1.49").build()), ResponseCode.INVALID_AMOUNT);
    }

    @ParameterizedTest
    @CsvSource({"3, 100.00, 3.00", "2.5, 10.01, 0.25", "2.5, 10.02, 0.25", "2.5, 10.03, 0.25", "2.5, 10.20, 0.26",
        "0.01, 0.50, 0.00", "99.99, 1.00, 1.00"})
    void aPercentageFeeIsRoundedHalfUpToTheMinorUnit(String percent, String amount, String fee) {
        assertThat(pay(qr().put("55", "03").put("57", percent).build(), amount).code())
                .isEqualTo(ResponseCode.APPROVED);
        assertThat(q.m.cbs.onlyCall().call().trxInfo().string("feeAmt")).isEqualTo(fee);
    }

    @Test
    void checksApplyToAmountPlusFee() {
        q.limits(MoneyFixture.amountLimits(3100, 0));
        assertRefused(pay(qr().put("54", "30.00").put("55", "02").put("56", "1.01").build(), "30"),
                ResponseCode.EXCEEDS_LIMIT);
        assertThat(pay(qr().put("54", "30.00").put("55", "02").put("56", "1.00").build(), "30").code())
                .isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void aFeeTheRequesterSendsMustBeTheQrs() {
        assertRefused(pay(payment(qr().build(), "10").put("trxFeeAmt", "0.01").build()), ResponseCode.INVALID_AMOUNT);
        assertThat(pay(payment(qr().build(), "10").put("trxFeeAmt", "0").build()).code())
                .isEqualTo(ResponseCode.APPROVED);
        assertThat(pay(payment(qr().put("55", "03").put("57", "10").build(), "10").put("trxFeeAmt", "1.00").build())
                .code()).isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void amountsThatDoNotFitTheQrAre13() {
        String fixed = qr().put("54", "25.00").build();
        assertRefused(pay(fixed, "25.01"), ResponseCode.INVALID_AMOUNT);
        assertRefused(pay(fixed, "24.99"), ResponseCode.INVALID_AMOUNT);
        assertRefused(pay(fixed, "0"), ResponseCode.INVALID_AMOUNT);
        assertRefused(pay(fixed, "abc"), ResponseCode.INVALID_AMOUNT);
        assertRefused(pay(fixed, "25.001"), ResponseCode.INVALID_AMOUNT);
        assertThat(q.m.cbs.calls()).isEmpty();
    }

    @Test
    void aPayloadThatDoesNotParseIs30() {
        String good = qr().build();
        String badCrc = good.substring(0, good.length() - 1) + (good.endsWith("0") ? "1" : "0");
        Outcome outcome = pay(badCrc, "10");
        assertRefused(outcome, ResponseCode.FORMAT_ERROR);
        assertThat(outcome.responseMsg()).isEqualTo("mpqrcPayload: not a valid EMV QR code (CRC_MISMATCH)");
        assertRefused(pay(QrFixture.FIXED_URL, "10"), ResponseCode.FORMAT_ERROR);
        assertRefused(pay(qr().put("58", "XX").build(), "10"), ResponseCode.FORMAT_ERROR);
        assertRefused(pay(qr().put("53", "999").build(), "10"), ResponseCode.FORMAT_ERROR);
        assertThat(q.m.cbs.calls()).isEmpty();
    }

    @Test
    void aQrThatIsNotRoutableThroughUnionPayIs03() {
        String noId15 = MpmBuilder.create().put("01", "11")
                .template("26", Map.of("00", "D4100000014010", "01", "1234567890"))
                .put("52", "5812").put("53", "156").put("58", "CN").put("59", "Noodle Shop").put("60", "Shanghai")
                .build();
        Outcome outcome = pay(payment(noId15, "10").put("merchantInfo", trx("mcc", "5812")).build());
        assertRefused(outcome, ResponseCode.INVALID_MERCHANT);
        assertThat(outcome.responseMsg()).isEqualTo("mpqrcPayload: no UnionPay merchant account (ID 15)");
        String nibss = "0002010102111531**999166**999166****M000000093926370018NG.COM.NIBSSPLC.QR0111S00000006955"
                + "20400005303566540440005802NG5925Merchant A Test Jaiz Bank6007Nigeria63049DF0";
        assertRefused(pay(payment(nibss, "4400").put("trxCurrency", "566").put("merchantInfo", trx()).build()),
                ResponseCode.INVALID_MERCHANT);
        assertThat(q.m.cbs.calls()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"acquirerIIN, 25000157", "fwdIIN, 00020157", "mid, 500015670110002", "merchantName, Other Shop",
        "mcc, 5813"})
    void merchantInfoThatDisagreesWithTheQrIs30(String member, String value) {
        TrxInfo merchant = trx("acquirerIIN", ACQUIRER, "fwdIIN", FORWARDER, "mid", MID,
                "merchantName", "Noodle Shop", "mcc", "5812").toBuilder().put(member, value).build();
        Outcome outcome = pay(payment(qr().build(), "10").put("merchantInfo", merchant).build());
        assertRefused(outcome, ResponseCode.FORMAT_ERROR);
        assertThat(outcome.responseMsg()).isEqualTo("merchantInfo." + member + ": not the QR's");
    }

    @Test
    void merchantInfoMayLeaveMembersOutAndPadTheName() {
        assertThat(pay(payment(qr().build(), "10").put("merchantInfo", trx("merchantName", "Noodle Shop    "))
                .build()).code()).isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void aCurrencyOtherThanTheQrsIs30() {
        Outcome outcome = pay(payment(qr().build(), "10").put("trxCurrency", "344").build());
        assertRefused(outcome, ResponseCode.FORMAT_ERROR);
        assertThat(outcome.responseMsg()).isEqualTo("trxCurrency: not the QR's currency (53)");
    }

    @Test
    void missingOrMalformedFieldsAre30() {
        for (String field : List.of("deviceID", "userID", "token", "trxAmt", "trxCurrency", "mpqrcPayload",
                "merchantInfo")) {
            Outcome outcome = pay(payment(qr().build(), "10").remove(field).build());
            assertThat(outcome.code()).as(field).isEqualTo(ResponseCode.FORMAT_ERROR);
            assertThat(outcome.responseMsg()).isEqualTo(field + ": is missing");
        }
        assertThat(pay(payment(qr().build(), "10").put("merchantInfo", trx("acquirerIIN", "2500")).build())
                .responseMsg()).isEqualTo("merchantInfo.acquirerIIN: must be 8 characters");
        assertThat(pay(payment(qr().build(), "10").put("additionalData", List.of()).build()).responseMsg())
                .isEqualTo("additionalData: must be an object");
        assertThat(pay(payment("x".repeat(1025), "10").build()).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(q.m.cbs.calls()).isEmpty();
    }

    @Test
    void cardChecksLimitsAndTheQrMerchantsRestrictions() {
        Outcome wrongDevice = pay(payment(qr().build(), "10").put("deviceID", OTHER_DEVICE).build());
        assertThat(wrongDevice.code()).isEqualTo(ResponseCode.INVALID_DEVICE);
        assertRefused(pay(payment(qr().build(), "10").put("token", MoneyFixture.tokenNumber(QrFixture.QR_WALLET,
                "98")).build()), ResponseCode.ENROLLMENT_NOT_FOUND);
        q.limits(MoneyFixture.blocking(Set.of("5812"), Set.of()));
        assertRefused(pay(qr().build(), "10"), ResponseCode.RESTRICTED);
        q.limits(MoneyFixture.blocking(Set.of(), Set.of("156")));
        assertRefused(pay(qr().build(), "10"), ResponseCode.RESTRICTED);
        q.limits(MoneyFixture.cutOff(LocalTime.of(9, 0), LocalTime.of(11, 0), ZoneId.of("UTC")));
        assertRefused(pay(qr().build(), "10"), ResponseCode.CUT_OFF);
        q.limits(MoneyFixture.amountLimits(0, 1000));
        assertRefused(pay(qr().build(), "10.01"), ResponseCode.EXCEEDS_LIMIT);
        assertThat(q.m.cbs.calls()).isEmpty();
        q.m.cbs.answer(ResponseCode.INSUFFICIENT_BALANCE);
        assertRefused(pay(qr().build(), "10"), ResponseCode.INSUFFICIENT_BALANCE);
        q.m.cbs.noAnswer();
        assertRefused(pay(qr().build(), "9"), ResponseCode.PENDING);
    }

    @Test
    void aPromotionDiscountsTheAmountButNotTheFee() {
        q.promotions.add("5812", 1000, 300, "3.00 off noodles");
        Outcome outcome = pay(payment(qr().put("54", "30.00").put("55", "02").put("56", "1.00").build(), "30")
                .build());
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        List<TrxInfo> details = List.of(trx("discountAmt", "3.00", "discountNote", "3.00 off noodles"));
        assertThat(outcome.trxInfo()).isEqualTo(trx("deviceID", DEVICE, "trxAmt", "27.00", "trxCurrency", "156",
                "qrcVoucherNo", "00000000000000000001", "discountDetails", details, "originalAmount", "30.00"));
        TrxInfo sent = q.m.cbs.onlyCall().call().trxInfo();
        assertThat(sent.string("trxAmt")).isEqualTo("27.00");
        assertThat(sent.string("feeAmt")).isEqualTo("1.00");
        assertThat(sent.list("discountDetails")).isEqualTo(details);
        assertThat(q.promotions.asked()).containsExactly(new FixedPromotions.Asked(card.issuerIin(),
                MessageType.MPQRC_PAYMENT_EMV, "5812", 3000, "156"));
        assertThat(q.m.transactions.all()).singleElement().extracting(MoneyTransaction::amountMinor)
                .isEqualTo(2800L);
    }
}
