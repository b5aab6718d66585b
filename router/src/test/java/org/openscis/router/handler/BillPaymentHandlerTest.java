package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.CardDataLeaks.assertNoCardData;
import static org.openscis.router.testing.MoneyFixture.BILLER;
import static org.openscis.router.testing.MoneyFixture.WALLET;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.LogCapture;
import org.openscis.router.testing.MoneyFixture;
import org.openscis.router.testing.RouterFixture;

class BillPaymentHandlerTest {

    private static final String ACCOUNT = "774411220033";

    private final MoneyFixture m = new MoneyFixture();
    private final Handler handler = m.handler(MessageType.BILL_PAYMENT);
    private final CardRecord card = m.card("C1", "11", ACCOUNT);
    private final TokenRecord token = m.token("11", card);

    private TrxInfo.Builder payment(String amount, String fee) {
        return TrxInfo.builder()
                .put("deviceID", DEVICE)
                .put("userID", USER)
                .put("token", token.token())
                .put("trxAmt", amount)
                .put("trxCurrency", "156")
                .put("trxFeeAmt", fee)
                .put("trxNote", "test")
                .put("merchantInfo", trx("mid", BILLER.mid(), "merchantName", "mm"));
    }

    private Outcome pay(TrxInfo trxInfo) {
        return run(handler, m.request(MessageType.BILL_PAYMENT, trxInfo));
    }

    private Outcome pay(String amount) {
        return pay(payment(amount, null).build());
    }

    @Test
    void anApprovedPaymentDebitsAmountAndFeeInOneCbsCall() {
        Request request = m.request(MessageType.BILL_PAYMENT, payment("50", "2").put("referNo", "ref-1")
                .put("riskInfo", trx("deviceType", "MOBILE")).build());

        Outcome outcome = run(handler, request);

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo()).isEqualTo(trx("deviceID", DEVICE));
        var call = m.cbs.onlyCall().call();
        assertThat(call.operation()).isEqualTo(CbsOperation.DEBIT_TRANSACTION);
        TrxInfo sent = call.trxInfo();
        assertThat(sent.names()).containsExactly("relTrxMsgID", "relTrxType", "merchantInfo", "onUsFlag",
                "debitAccountInfo", "trxAmt", "trxCurrency", "billAmt", "billCurrency", "feeAmt", "markupAmt",
                "trxNote", "retrivlRefNum", "transDatetime", "traceNum", "referNo");
        assertThat(sent.string("relTrxMsgID")).isEqualTo(request.msgInfo().msgID());
        assertThat(sent.string("relTrxType")).isEqualTo("BILL_PAYMENT");
        assertThat(sent.object("merchantInfo")).isEqualTo(trx("mid", BILLER.mid(), "merchantName", BILLER.name(),
                "mcc", "4900", "merchantCountry", "156"));
        assertThat(sent.string("onUsFlag")).isEqualTo("Y");
        assertThat(sent.object("debitAccountInfo")).isEqualTo(trx("token", token.token(), "pan", card.pan(),
                "accountNo", ACCOUNT));
        assertThat(sent.string("trxAmt")).isEqualTo("50.00");
        assertThat(sent.string("billAmt")).isEqualTo("50.00");
        assertThat(sent.string("trxCurrency")).isEqualTo("156");
        assertThat(sent.string("billCurrency")).isEqualTo("156");
        assertThat(sent.string("feeAmt")).isEqualTo("2.00");
        assertThat(sent.string("markupAmt")).isEqualTo("0");
        assertThat(sent.string("trxNote")).isEqualTo("test");
        assertThat(sent.string("retrivlRefNum")).matches("\\d{12}");
        assertThat(sent.string("transDatetime")).isEqualTo("0615100000");
        assertThat(sent.string("traceNum")).isEqualTo(call.cbsMsgId().substring(23));
        assertThat(sent.string("referNo")).isEqualTo("ref-1");

        MoneyTransaction trx = m.transactions.findByRequest(WALLET_ID, request.msgInfo().msgID()).orElseThrow();
        assertThat(trx.state()).isEqualTo(TrxState.APPROVED);
        assertThat(trx.amountMinor()).as("amount plus fee").isEqualTo(5200);
        assertThat(trx.msgType()).isEqualTo(MessageType.BILL_PAYMENT);
        assertThat(m.outbox.entries()).as("the response tells the outcome").isEmpty();
    }

    @Test
    void withoutAFeeTheFeeIsZero() {
        assertThat(pay("50").code()).isEqualTo(ResponseCode.APPROVED);
        TrxInfo sent = m.cbs.onlyCall().call().trxInfo();
        assertThat(sent.string("feeAmt")).isEqualTo("0");
        assertThat(sent.has("referNo")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"merchantInfo, merchantInfo: is missing", "trxAmt, trxAmt: is missing",
        "token, token: is missing", "trxCurrency, trxCurrency: is missing", "deviceID, deviceID: is missing",
        "userID, userID: is missing"})
    void missingFieldsAre30(String field, String message) {
        Outcome outcome = pay(payment("50", null).remove(field).build());
        assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(outcome.responseMsg()).isEqualTo(message);
        assertThat(m.transactions.all()).isEmpty();
    }

    @Test
    void malformedFieldsAre30() {
        assertThat(pay(payment("50", null).put("merchantInfo", trx("merchantName", "mm")).build()).responseMsg())
                .isEqualTo("merchantInfo.mid: is missing");
        assertThat(pay(payment("50", null).put("merchantInfo", trx("mid", "1234567890123456")).build())
                .responseMsg()).isEqualTo("merchantInfo.mid: must be 1 to 15 characters");
        assertThat(pay(payment("50", null).put("trxCurrency", "15").build()).code())
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(pay(payment("50", null).put("riskInfo", "x").build()).responseMsg())
                .isEqualTo("riskInfo: must be an object");
        assertThat(pay(payment("50", null).put("trxNote", "x".repeat(121)).build()).code())
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(pay(payment("50", null).put("referNo", "r".repeat(51)).build()).code())
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(m.transactions.all()).isEmpty();
    }

    @Test
    void refusalsBeforeTheCbsEchoTheDeviceAndRecordNothing() {
        assertRefused(pay(payment("50", null).put("merchantInfo", trx("mid", "000000000000000")).build()),
                ResponseCode.INVALID_MERCHANT);
        assertRefused(pay(payment("50", null).put("merchantInfo", trx("mid", MoneyFixture.AGENT.mid())).build()),
                ResponseCode.INVALID_MERCHANT);
        assertRefused(pay(payment("50", "-2").build()), ResponseCode.INVALID_AMOUNT);
        assertRefused(pay("0"), ResponseCode.INVALID_AMOUNT);
        assertRefused(pay(payment("50", null).put("trxCurrency", "840").build()), ResponseCode.INVALID_AMOUNT);
        assertRefused(pay(payment("50", null).put("trxCurrency", "999").build()), ResponseCode.FORMAT_ERROR);
        assertRefused(pay(payment("50", null).put("token", RouterFixture.withWrongCheckDigit(token.token()))
                .build()), ResponseCode.INVALID_CARD_NUMBER);
        assertRefused(pay(payment("50", null).put("token", MoneyFixture.tokenNumber(WALLET, "99")).build()),
                ResponseCode.ENROLLMENT_NOT_FOUND);
        Outcome wrongDevice = pay(payment("50", null).put("deviceID", OTHER_DEVICE).build());
        assertThat(wrongDevice.code()).isEqualTo(ResponseCode.INVALID_DEVICE);
        assertThat(wrongDevice.trxInfo()).isEqualTo(trx("deviceID", OTHER_DEVICE));
        assertThat(m.cbs.calls()).isEmpty();
        assertThat(m.transactions.all()).isEmpty();
    }

    @Test
    void limitsAndRestrictions() {
        m.limits(MoneyFixture.amountLimits(5000, 0));
        assertRefused(pay(payment("49", "1.01").build()), ResponseCode.EXCEEDS_LIMIT);
        m.limits(MoneyFixture.blocking(Set.of("4900"), Set.of()));
        assertRefused(pay("50"), ResponseCode.RESTRICTED);
        m.limits(MoneyFixture.cutOff(LocalTime.of(9, 0), LocalTime.of(11, 0), ZoneId.of("UTC")));
        assertRefused(pay("50"), ResponseCode.CUT_OFF);
        m.limits(MoneyFixture.tiers("1", Map.of(MessageType.BILL_PAYMENT, 2)));
        assertRefused(pay("50"), ResponseCode.NOT_PERMITTED);
        assertThat(m.cbs.calls()).isEmpty();
    }

    @Test
    void dailyPaymentsAccumulate() {
        m.limits(MoneyFixture.amountLimits(0, 10_000));
        assertThat(pay(payment("60", "1").build()).code()).isEqualTo(ResponseCode.APPROVED);
        assertRefused(pay("40"), ResponseCode.EXCEEDS_LIMIT);
        m.cbs.answer(ResponseCode.INSUFFICIENT_BALANCE);
        assertThat(pay("39").code()).isEqualTo(ResponseCode.INSUFFICIENT_BALANCE);
        m.cbs.answer(ResponseCode.APPROVED);
        assertThat(pay("39").code()).as("the declined payment does not count").isEqualTo(ResponseCode.APPROVED);
        assertRefused(pay("0.01"), ResponseCode.EXCEEDS_LIMIT);
    }

    @ParameterizedTest
    @CsvSource({"SUSPENDED, NONE, 21", "ACTIVE, LOST, 41", "SUSPENDED, STOLEN, 43", "SUSPENDED, FRAUD, 34",
        "SUSPENDED, EXPIRED, 54"})
    void cardStates(CardState state, StateReason reason, String expected) {
        m.f.cards.updateCardState(card.cardId(), state, reason);
        assertThat(pay("50").code().code()).isEqualTo(expected);
    }

    @Test
    void aSuspendedTokenOrAProductWithoutBillPayment() {
        m.f.cards.updateTokenState(token.token(), CardState.ACTIVE, token.withState(CardState.SUSPENDED,
                m.f.clock.instant()));
        assertRefused(pay("50"), ResponseCode.CARD_STATUS_ERROR);

        CardProduct noBills = new CardProduct("3002", MoneyFixture.ISSUER, "62900500", 16, "629265", 36, "No Bills",
                List.of(RouterFixture.FACE_ID), EnumSet.of(MessageType.P2P_TRANSFER), List.of(), "156");
        m.f.catalog.add(noBills);
        CardRecord other = m.card("C2", "22", "100000000002", CardState.ACTIVE, StateReason.NONE, noBills);
        TokenRecord t = m.token("22", other);
        assertRefused(pay(payment("50", null).put("token", t.token()).build()), ResponseCode.NOT_SUPPORTED);
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"REFER_TO_ISSUER", "INVALID_MERCHANT", "INVALID_AMOUNT",
        "INVALID_CARD_NUMBER", "OTP_MAX_TRIES", "INSUFFICIENT_BALANCE", "ISSUER_VALIDATION_ERROR",
        "ISSUER_DECLINED", "ISSUER_MAC_FAILED", "OTP_EXPIRED", "INVALID_OTP", "OTP_NOT_FOUND"})
    void cbsDeclinesPassThrough(ResponseCode code) {
        m.cbs.answer(code);
        Outcome outcome = pay("50");
        assertThat(outcome.code()).isEqualTo(code);
        assertThat(outcome.trxInfo()).isEqualTo(trx("deviceID", DEVICE));
        assertThat(m.transactions.all()).singleElement().extracting(MoneyTransaction::state)
                .isEqualTo(TrxState.DECLINED);
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"ISSUER_SYSTEM_ERROR", "NETWORK_ERROR", "TIMEOUT"})
    void notSent(ResponseCode code) {
        m.cbs.notSent(code);
        assertThat(pay("50").code()).isEqualTo(code);
    }

    @Test
    void noAnswerIsPending() {
        m.cbs.noAnswer();
        Outcome outcome = pay("50");
        assertThat(outcome.code()).isEqualTo(ResponseCode.PENDING);
        assertThat(outcome.trxInfo()).isEqualTo(trx("deviceID", DEVICE));
        assertThat(m.transactions.all()).singleElement().extracting(MoneyTransaction::state)
                .isEqualTo(TrxState.UNKNOWN);
    }

    @Test
    void aRetriedRequestIsNotPaidTwice() {
        Request request = m.request(MessageType.BILL_PAYMENT, payment("50", null).build());
        assertThat(run(handler, request).code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(run(handler, request).code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(m.cbs.calls()).hasSize(1);
    }

    @Test
    void noCardDataInOutcomesOrLogs() {
        try (LogCapture logs = new LogCapture()) {
            assertNoCardData(pay("50"), card.pan(), ACCOUNT, token.token());
            m.cbs.noAnswer();
            assertNoCardData(pay("50"), card.pan(), ACCOUNT, token.token());
            assertNoCardData(pay("-1"), card.pan(), ACCOUNT, token.token());
            assertThat(logs.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .doesNotContain(card.pan()).doesNotContain(ACCOUNT).doesNotContain(token.token()));
        }
    }

    private static void assertRefused(Outcome outcome, ResponseCode code) {
        assertThat(outcome.code()).isEqualTo(code);
        assertThat(outcome.trxInfo()).isEqualTo(trx("deviceID", DEVICE));
    }
}
