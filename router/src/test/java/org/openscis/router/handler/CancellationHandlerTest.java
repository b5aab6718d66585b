package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.AcquirerReturnFixture.PAYMENT_MSG_ID;
import static org.openscis.router.handler.AcquirerReturnFixture.PAYMENT_TRX_ID;
import static org.openscis.router.handler.AcquirerReturnFixture.at;
import static org.openscis.router.handler.AcquirerReturnFixture.body;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.ProductLimits;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.Acquirers;
import org.openscis.router.testing.MoneyFixture;

class CancellationHandlerTest {

    private static final ProductLimits HONG_KONG_CUT_OFF = MoneyFixture.cutOff(LocalTime.of(23, 0),
            LocalTime.of(23, 30), ZoneId.of("Asia/Hong_Kong"));

    private final AcquirerReturnFixture a = new AcquirerReturnFixture();
    private final MoneyFixture m = a.m;

    @Test
    void aCancellationGivesTheWholeAmountBackAndTellsTheWallet() {
        Outcome outcome = a.cancel();

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().string("trxAmt")).isEqualTo("100.00");
        assertThat(outcome.trxInfo().string("qrcVoucherNo")).matches("\\d{20}");
        TrxInfo sent = m.cbs.onlyCall().call().trxInfo();
        assertThat(m.cbs.onlyCall().call().operation()).isEqualTo(CbsOperation.CREDIT_TRANSACTION);
        assertThat(sent.string("relTrxType")).isEqualTo("CANCELLATION");
        assertThat(sent.string("origMsgID")).isEqualTo(PAYMENT_TRX_ID);
        assertThat(sent.string("origMsgType")).isEqualTo("CPQRC_PAYMENT");
        assertThat(sent.string("onUsFlag")).isEqualTo("N");
        assertThat(sent.string("trxAmt")).isEqualTo("100.00");
        Notification notice = m.outbox.notifications().get(0);
        assertThat(notice.recipientInsId()).isEqualTo(WALLET_ID);
        assertThat(notice.trxInfo().string("trxMsgType")).isEqualTo("CANCELLATION");
        assertThat(notice.trxInfo().string("origMsgID")).isEqualTo(PAYMENT_MSG_ID);
        assertThat(notice.trxInfo().string("origTrxType")).isEqualTo("CPQRC_PAYMENT");
        // The payment's own record stays as it was: the cancellation is linked to it.
        assertThat(m.transactions.find(PAYMENT_TRX_ID).orElseThrow().state()).isEqualTo(TrxState.APPROVED);
        assertThat(m.transactions.findRelated(PAYMENT_TRX_ID)).extracting(MoneyTransaction::msgType)
                .containsExactly(MessageType.CANCELLATION);
    }

    @ParameterizedTest
    @CsvSource({"99.99", "100.01", "1.00"})
    void onlyTheWholeAmountIs00(String amount) {
        Outcome outcome = a.run(MessageType.CANCELLATION, body(PAYMENT_MSG_ID, amount).build());

        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(m.cbs.calls()).isEmpty();
    }

    @Test
    void aSecondCancellationIs12() {
        assertThat(a.cancel().code()).isEqualTo(ResponseCode.APPROVED);

        Outcome second = a.cancel();

        assertThat(second.code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(second.detail()).contains("already cancelled");
        assertThat(m.cbs.calls()).hasSize(1);
    }

    @Test
    void aPendingCancellationAlsoBlocksASecondOne() {
        m.cbs.noAnswer();
        assertThat(a.cancel().code()).isEqualTo(ResponseCode.PENDING);
        m.cbs.answer(ResponseCode.APPROVED);

        assertThat(a.cancel().code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(a.refund("1.00").code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
    }

    @Test
    void aDeclinedCancellationCanBeTriedAgain() {
        m.cbs.answer(ResponseCode.ISSUER_DECLINED);
        assertThat(a.cancel().code()).isEqualTo(ResponseCode.ISSUER_DECLINED);
        m.cbs.answer(ResponseCode.APPROVED);

        assertThat(a.cancel().code()).isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void aRefundedPaymentCannotBeCancelled() {
        assertThat(a.refund("10.00").code()).isEqualTo(ResponseCode.APPROVED);

        Outcome outcome = a.cancel();

        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(outcome.detail()).contains("refunded");
    }

    @Test
    void twoConcurrentCancellationsNeverBothReachTheCbs() {
        m.transactions.afterNextCreate(() -> m.transactions.put(concurrentCancellation()));

        assertThat(a.cancel().code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(m.cbs.calls()).isEmpty();
    }

    @Test
    void withoutCutOffTheBusinessDayEndsAtMidnightUtc() {
        m.f.clock.set(at("2025-06-15T23:59:59Z"));
        assertThat(a.cancel().code()).isEqualTo(ResponseCode.APPROVED);

        AcquirerReturnFixture next = new AcquirerReturnFixture();
        next.m.f.clock.set(at("2025-06-16T00:00:00Z"));
        assertThat(next.cancel().code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
    }

    @Test
    void afterTheCutOffStartItIsTheNextBusinessDay() {
        // The payment was made at 18:00 in Hong Kong; the cut-off window starts at 23:00 there.
        m.catalog.limits(Acquirers.QR_WALLET.prdNo(), HONG_KONG_CUT_OFF);
        m.f.clock.set(at("2025-06-15T14:59:59Z"));
        assertThat(a.cancel().code()).isEqualTo(ResponseCode.APPROVED);

        AcquirerReturnFixture late = new AcquirerReturnFixture();
        late.m.catalog.limits(Acquirers.QR_WALLET.prdNo(), HONG_KONG_CUT_OFF);
        late.m.f.clock.set(at("2025-06-15T15:00:00Z"));
        Outcome inWindow = late.cancel();
        assertThat(inWindow.code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(inWindow.detail()).contains("business day");
        late.m.f.clock.set(at("2025-06-15T15:31:00Z"));
        assertThat(late.cancel().code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(late.refund("1.00").code()).as("a refund is fine the next day").isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void aCancellationInTheCutOffWindowOfItsOwnBusinessDayIs90() {
        // A window that starts before the payment's business day ends: 09:55-10:05 UTC, day boundary at 09:55.
        m.catalog.limits(Acquirers.QR_WALLET.prdNo(), MoneyFixture.cutOff(LocalTime.of(9, 55), LocalTime.of(10, 5),
                ZoneId.of("UTC")));
        m.f.clock.advance(Duration.ofMinutes(1));

        assertThat(a.cancel().code()).isEqualTo(ResponseCode.CUT_OFF);
    }

    @Test
    void businessDaysStartAtTheCutOffStartInItsZone() {
        assertThat(CancellationHandler.businessDay(at("2025-06-15T14:59:59Z"), HONG_KONG_CUT_OFF))
                .isEqualTo(LocalDate.of(2025, 6, 15));
        assertThat(CancellationHandler.businessDay(at("2025-06-15T15:00:00Z"), HONG_KONG_CUT_OFF))
                .isEqualTo(LocalDate.of(2025, 6, 16));
        assertThat(CancellationHandler.businessDay(at("2025-06-16T14:59:59Z"), HONG_KONG_CUT_OFF))
                .isEqualTo(LocalDate.of(2025, 6, 16));
        assertThat(CancellationHandler.businessDay(at("2025-06-15T23:59:59Z"), ProductLimits.NONE))
                .isEqualTo(LocalDate.of(2025, 6, 15));
    }

    @Test
    void theSharedChecksApplyToo() {
        assertThat(a.run(MessageType.CANCELLATION, body("P480003442025061510000000077", "100.00").build()).code())
                .isEqualTo(ResponseCode.ORIGINAL_NOT_FOUND);
        a.payment(PAYMENT_TRX_ID, PAYMENT_MSG_ID, AcquirerReturnFixture.PAYMENT_MINOR, TrxState.DECLINED);
        assertThat(a.cancel().code()).isEqualTo(ResponseCode.INVALID_TRANSACTION);
    }

    private MoneyTransaction concurrentCancellation() {
        MoneyTransaction t = a.payment;
        TrxInfo cbs = TrxInfo.builder().put("origMsgID", PAYMENT_TRX_ID).put("trxAmt", "100.00").build();
        return new MoneyTransaction("U62900100202506151000000000556", "48000344", "C480003442025061599999",
                MessageType.CANCELLATION, "1.0.0", "20250615100000", t.issuerIin(), t.cardId(), t.token(),
                t.deviceId(), CbsOperation.CREDIT_TRANSACTION, t.amountMinor(), MoneyFixture.CNY, cbs, null,
                TrxState.SENT, null, true, 0, m.f.clock.instant().plusSeconds(6), m.f.clock.instant(),
                m.f.clock.instant());
    }
}
