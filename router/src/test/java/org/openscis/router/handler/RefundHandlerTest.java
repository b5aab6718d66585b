package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.AcquirerReturnFixture.PAYMENT_MSG_ID;
import static org.openscis.router.handler.AcquirerReturnFixture.PAYMENT_TRX_ID;
import static org.openscis.router.handler.AcquirerReturnFixture.body;
import static org.openscis.router.testing.Acquirers.ACQUIRER_ID;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.Acquirers;
import org.openscis.router.testing.MoneyFixture;
import org.openscis.router.testing.ScriptedCoreBanking;

class RefundHandlerTest {

    private final AcquirerReturnFixture a = new AcquirerReturnFixture();
    private final MoneyFixture m = a.m;

    @Test
    void aRefundCreditsTheCardFromTheSettlementAccountAndTellsTheWallet() {
        Request request = a.request(MessageType.REFUND, body(PAYMENT_MSG_ID, "25.50").build());

        Outcome outcome = HandlerTesting.run(a.handler(MessageType.REFUND), request);

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().names()).containsExactly("trxAmt", "trxCurrency", "qrcVoucherNo");
        assertThat(outcome.trxInfo().string("trxAmt")).isEqualTo("25.50");
        assertThat(outcome.trxInfo().string("trxCurrency")).isEqualTo("156");
        assertThat(outcome.trxInfo().string("qrcVoucherNo")).matches("\\d{20}");

        var call = m.cbs.onlyCall().call();
        assertThat(call.operation()).isEqualTo(CbsOperation.CREDIT_TRANSACTION);
        TrxInfo sent = call.trxInfo();
        assertThat(sent.string("relTrxMsgID")).isEqualTo(request.msgInfo().msgID());
        assertThat(sent.string("relTrxType")).isEqualTo("REFUND");
        assertThat(sent.string("origMsgID")).isEqualTo(PAYMENT_TRX_ID);
        assertThat(sent.string("origMsgType")).isEqualTo("CPQRC_PAYMENT");
        assertThat(sent.string("onUsFlag")).isEqualTo("N");
        assertThat(sent.object("merchantInfo")).isEqualTo(Acquirers.merchantInfo(Acquirers.MID));
        assertThat(sent.object("creditAccountInfo").string("accountNo")).isEqualTo("774411220077");
        assertThat(sent.object("creditAccountInfo").string("token")).isEqualTo(a.token.token());
        assertThat(sent.string("trxAmt")).isEqualTo("25.50");
        assertThat(sent.string("trxCurrency")).isEqualTo("156");
        assertThat(sent.string("retrivlRefNum")).isEqualTo("202506150001");

        MoneyTransaction stored = m.transactions.findByRequest(ACQUIRER_ID, request.msgInfo().msgID()).orElseThrow();
        assertThat(stored.state()).isEqualTo(TrxState.APPROVED);
        assertThat(stored.amountMinor()).isEqualTo(2550);
        assertThat(stored.cardId()).isEqualTo(a.card.cardId());
        assertThat(m.transactions.findRelated(PAYMENT_TRX_ID)).containsExactly(stored);
        assertThat(m.transactions.find(PAYMENT_TRX_ID).orElseThrow().state()).isEqualTo(TrxState.APPROVED);

        Notification notice = m.outbox.notifications().get(0);
        assertThat(m.outbox.notifications()).hasSize(1);
        assertThat(notice.recipientInsId()).isEqualTo(WALLET_ID);
        assertThat(notice.type()).isEqualTo(MessageType.TRX_RESULT_NOTIFICATION);
        assertThat(notice.orderKey()).isEqualTo(a.token.token());
        TrxInfo info = notice.trxInfo();
        assertThat(info.names()).containsExactly("deviceID", "token", "trxMsgType", "origMsgID", "origTrxType",
                "trxAmt", "trxCurrency", "merchantName", "qrcVoucherNo", "retrivlRefNum", "paymentStatus",
                "rejectionReason");
        assertThat(info.string("deviceID")).isEqualTo(DEVICE);
        assertThat(info.string("trxMsgType")).isEqualTo("REFUND");
        assertThat(info.string("origMsgID")).isEqualTo(PAYMENT_MSG_ID);
        assertThat(info.string("origTrxType")).isEqualTo("CPQRC_PAYMENT");
        assertThat(info.string("trxAmt")).isEqualTo("25.50");
        assertThat(info.string("merchantName")).isEqualTo(Acquirers.MERCHANT_NAME);
        assertThat(info.string("qrcVoucherNo")).isEqualTo(outcome.trxInfo().string("qrcVoucherNo"));
        assertThat(info.string("paymentStatus")).isEqualTo("APPROVED");
        assertThat(info.string("rejectionReason")).isEqualTo("APPROVED");
    }

    @Test
    void partialRefundsUpToTheWholePaymentThen13() {
        assertThat(a.refund("40.00").code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(a.refund("59.99").code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(a.refund("0.02").code()).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(a.refund("0.01").code()).isEqualTo(ResponseCode.APPROVED);
        Outcome beyond = a.refund("0.01");

        assertThat(beyond.code()).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(beyond.detail()).contains("above what is left to refund");
        assertThat(m.cbs.calls()).hasSize(3);
    }

    @Test
    void aPendingRefundCountsAndADeclinedOneDoesNot() {
        m.cbs.noAnswer();
        assertThat(a.refund("80.00").code()).isEqualTo(ResponseCode.PENDING);
        m.cbs.answer(ResponseCode.ISSUER_DECLINED);
        assertThat(a.refund("20.00").code()).isEqualTo(ResponseCode.ISSUER_DECLINED);
        m.cbs.answer(ResponseCode.APPROVED);

        assertThat(a.refund("20.01").code()).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(a.refund("20.00").code()).isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void aConcurrentRefundRecordedMeanwhileIsSeenBeforeTheCbsCall() {
        // Both fit alone; the other one is recorded after this one's first check and before its second.
        m.transactions.afterNextCreate(() -> m.transactions.put(concurrentRefund(6_000)));

        Outcome outcome = a.refund("50.00");

        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(m.cbs.calls()).isEmpty();
        assertThat(m.transactions.all()).filteredOn(t -> t.msgType() == MessageType.REFUND)
                .extracting(MoneyTransaction::state)
                .containsExactlyInAnyOrder(TrxState.RECEIVED, TrxState.DECLINED);
        assertThat(m.outbox.notifications()).isEmpty();
    }

    @Test
    void aCancelledPaymentCannotBeRefunded() {
        assertThat(a.cancel().code()).isEqualTo(ResponseCode.APPROVED);

        Outcome outcome = a.refund("1.00");

        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(outcome.detail()).contains("cancelled");
    }

    @Test
    void anUnknownOriginalIs25() {
        a.payment("U62900100202506151000000000009", "P480003442025061510000000009", 500, TrxState.APPROVED);
        Acquirers.payment(m, "U62900100202506151000000000008", Acquirers.OTHER_ACQUIRER_ID,
                "P480009992025061510000000008", a.card, a.token, 500, TrxState.APPROVED, m.f.clock.instant());
        assertThat(a.refund("1.00").code()).isEqualTo(ResponseCode.APPROVED);
        String refundMsgId = m.transactions.all().stream().filter(t -> t.msgType() == MessageType.REFUND)
                .findFirst().orElseThrow().msgId();

        for (String unknown : List.of("P480003442025061510000000077", "P480009992025061510000000008", refundMsgId)) {
            Outcome outcome = a.run(MessageType.REFUND, body(unknown, "1.00").build());
            assertThat(outcome.code()).as(unknown).isEqualTo(ResponseCode.ORIGINAL_NOT_FOUND);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TrxState.class, names = {"DECLINED", "RESOLVED_DECLINED", "RECEIVED", "SENT", "UNKNOWN",
        "AWAITING_CVM", "CANCELLED"})
    void aPaymentThatDidNotMoveMoneyIs12(TrxState state) {
        a.payment(PAYMENT_TRX_ID, PAYMENT_MSG_ID, AcquirerReturnFixture.PAYMENT_MINOR, state);

        Outcome outcome = a.refund("1.00");

        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(m.cbs.calls()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = TrxState.class, names = {"RESOLVED_APPROVED", "REFUNDED"})
    void aPaymentThatMovedMoneyAfterA04CanBeRefunded(TrxState state) {
        a.payment(PAYMENT_TRX_ID, PAYMENT_MSG_ID, AcquirerReturnFixture.PAYMENT_MINOR, state);

        assertThat(a.refund("1.00").code()).isEqualTo(ResponseCode.APPROVED);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 13", "0.00, 13", "-1.00, 13", "1.001, 13", "abc, 13", "12345678901234, 13"})
    void badAmountsAre13(String amount, String code) {
        assertThat(a.refund(amount).code().code()).isEqualTo(code);
    }

    @Test
    void currencyOtherThanThePaymentsIs13AndAnUnknownOneIs30() {
        assertThat(a.run(MessageType.REFUND, body(PAYMENT_MSG_ID, "1.00").put("trxCurrency", "344").build()).code())
                .isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(a.run(MessageType.REFUND, body(PAYMENT_MSG_ID, "1.00").put("trxCurrency", "999").build()).code())
                .isEqualTo(ResponseCode.FORMAT_ERROR);
    }

    @ParameterizedTest
    @CsvSource({"origMsgID", "trxAmt", "trxCurrency", "merchantInfo", "retrivlRefNum", "traceNum", "transDatetime"})
    void aMissingFieldIs30(String field) {
        Outcome outcome = a.run(MessageType.REFUND, body(PAYMENT_MSG_ID, "1.00").remove(field).build());

        assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(outcome.detail()).contains(field);
    }

    @ParameterizedTest
    @CsvSource({"origMsgID, short", "retrivlRefNum, 12345678901", "traceNum, 12345x", "transDatetime, 061510000"})
    void aMalformedFieldIs30(String field, String value) {
        Outcome outcome = a.run(MessageType.REFUND, body(PAYMENT_MSG_ID, "1.00").put(field, value).build());

        assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
    }

    @Test
    void merchantInfoWithoutMidIs30AndAnotherMerchantIs12() {
        TrxInfo noMid = Acquirers.merchantInfo(Acquirers.MID).toBuilder().remove("mid").build();
        assertThat(a.run(MessageType.REFUND, body(PAYMENT_MSG_ID, "1.00").put("merchantInfo", noMid).build()).code())
                .isEqualTo(ResponseCode.FORMAT_ERROR);

        Outcome other = a.run(MessageType.REFUND, body(PAYMENT_MSG_ID, "1.00")
                .put("merchantInfo", Acquirers.merchantInfo("999999999999999")).build());

        assertThat(other.code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(other.detail()).contains("merchant");
    }

    @Test
    void aPaymentWhoseCardIsNoLongerKnownIs14() {
        var unknownCard = m.card("C8", "81", "774411220088", CardState.ACTIVE, StateReason.NONE, Acquirers.QR_WALLET);
        var unknownToken = m.token("81", unknownCard);
        Acquirers.payment(m, PAYMENT_TRX_ID, ACQUIRER_ID, PAYMENT_MSG_ID, unknownCard,
                new org.openscis.router.port.TokenRecord("6292660000000000008", unknownCard.cardId(), WALLET_ID,
                        DEVICE, "u", unknownToken.tokenExpiry(), CardState.ACTIVE, unknownToken.createdAt(),
                        unknownToken.updatedAt()),
                AcquirerReturnFixture.PAYMENT_MINOR, TrxState.APPROVED, m.f.clock.instant());

        assertThat(a.refund("1.00").code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
    }

    @Test
    void aProductWithoutRefundsIs40() {
        var card = m.card("C9", "91", "774411220099", CardState.ACTIVE, StateReason.NONE, MoneyFixture.WALLET);
        var token = m.token("91", card);
        Acquirers.payment(m, PAYMENT_TRX_ID, ACQUIRER_ID, PAYMENT_MSG_ID, card, token,
                AcquirerReturnFixture.PAYMENT_MINOR, TrxState.APPROVED, m.f.clock.instant());

        Outcome outcome = a.refund("1.00");

        assertThat(outcome.code()).isEqualTo(ResponseCode.NOT_SUPPORTED);
        assertThat(m.cbs.calls()).isEmpty();
    }

    @Test
    void aRefundInTheCutOffWindowIs90() {
        m.catalog.limits(Acquirers.QR_WALLET.prdNo(), MoneyFixture.cutOff(LocalTime.of(9, 55), LocalTime.of(10, 5),
                ZoneId.of("UTC")));

        assertThat(a.refund("1.00").code()).isEqualTo(ResponseCode.CUT_OFF);
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"INSUFFICIENT_BALANCE", "ISSUER_DECLINED",
        "ISSUER_VALIDATION_ERROR", "ISSUER_MAC_FAILED", "REFER_TO_ISSUER"})
    void cbsAnswersArePassedThroughAndTheWalletIsNotTold(ResponseCode code) {
        m.cbs.answer(code);

        assertThat(a.refund("1.00").code()).isEqualTo(code);
        assertThat(m.outbox.notifications()).isEmpty();
        assertThat(a.refund("100.00").code()).as("a declined refund does not count").isEqualTo(code);
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"ISSUER_SYSTEM_ERROR", "NETWORK_ERROR", "TIMEOUT"})
    void aCallThatWasNotSentIsDeclinedWithItsCode(ResponseCode code) {
        m.cbs.notSent(code);

        assertThat(a.refund("1.00").code()).isEqualTo(code);
    }

    @Test
    void noAnswerIs04AndTheLateApprovalGoesOnlyToTheWallet() {
        m.cbs.deferred();
        Request request = a.request(MessageType.REFUND, body(PAYMENT_MSG_ID, "5.00").build());
        CompletionStage<Outcome> stage = a.handler(MessageType.REFUND).handle(request);
        assertThat(request.answers().answerPending()).isTrue();

        m.cbs.complete(ScriptedCoreBanking.answered(ResponseCode.APPROVED));

        assertThat(stage.toCompletableFuture().join().code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(m.outbox.notifications()).extracting(Notification::recipientInsId).containsExactly(WALLET_ID);
    }

    @Test
    void aRetryOfARecordedRefundIsAnsweredFromItsRecordNotJudgedAgain() {
        Request first = a.request(MessageType.REFUND, body(PAYMENT_MSG_ID, "100.00").build());
        assertThat(HandlerTesting.run(a.handler(MessageType.REFUND), first).code()).isEqualTo(ResponseCode.APPROVED);

        Outcome again = HandlerTesting.run(a.handler(MessageType.REFUND),
                a.request(MessageType.REFUND, body(PAYMENT_MSG_ID, "100.00").build(), first.msgInfo().msgID()));

        assertThat(again.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(m.cbs.calls()).hasSize(1);
    }

    private MoneyTransaction concurrentRefund(long minor) {
        TrxInfo cbs = TrxInfo.builder().put("origMsgID", PAYMENT_TRX_ID).put("trxAmt", "60.00").build();
        var t = m.transactions.find(PAYMENT_TRX_ID).orElseThrow();
        return new MoneyTransaction("U62900100202506151000000000555", ACQUIRER_ID, "R480003442025061599999",
                MessageType.REFUND, "1.0.0", "20250615100000", t.issuerIin(), t.cardId(), t.token(), t.deviceId(),
                CbsOperation.CREDIT_TRANSACTION, minor, MoneyFixture.CNY, cbs, null, TrxState.RECEIVED, null, true, 0,
                m.f.clock.instant().plusSeconds(6), m.f.clock.instant(), m.f.clock.instant());
    }
}
