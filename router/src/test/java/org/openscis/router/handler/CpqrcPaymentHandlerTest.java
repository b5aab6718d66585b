package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.testing.CpqrcFixture.ACQUIRER_ID;
import static org.openscis.router.testing.CpqrcFixture.merchantInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.cpqrc.CodeScanner;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.CpqrVerdict;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.ProductLimits;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.CpqrcFixture;
import org.openscis.router.testing.MoneyFixture;
import org.openscis.router.testing.RouterFixture;
import org.openscis.router.testing.ScriptedCoreBanking;

class CpqrcPaymentHandlerTest {

    private final CpqrcFixture c = new CpqrcFixture();
    private final Handler pay = c.handler(MessageType.CPQRC_PAYMENT);
    private final Handler result = c.handler(MessageType.ADDITIONAL_PROCESSING_RESULT);
    private final TokenRecord token = c.token("31");

    private Outcome run(Request request) {
        CompletableFuture<Outcome> outcome = pay.handle(request).toCompletableFuture();
        assertThat(outcome).as("answered without waiting").isDone();
        return outcome.join();
    }

    private Outcome pay(TrxInfo trxInfo) {
        return run(c.acquirerRequest(trxInfo));
    }

    private static String code(Outcome o) {
        return o.code().code();
    }

    private MoneyTransaction stored(Request request) {
        return c.m.transactions.findByRequest(ACQUIRER_ID, request.msgInfo().msgID()).orElseThrow();
    }

    private List<Notification> notifications(MessageType type) {
        return c.m.outbox.ofType(type);
    }

    @Test
    void atOrBelowTheCvmLimitDebitsAtOnceAndNotifiesTheWallet() {
        CpqrCode qr = c.code(token, 100_00, 50_00);
        Request request = c.acquirerRequest(c.payment(qr, "50.00").build());
        Outcome o = run(request);

        assertThat(code(o)).isEqualTo("00");
        TrxInfo reply = o.trxInfo();
        assertThat(reply.string("trxAmt")).isEqualTo("50.00");
        assertThat(reply.string("trxCurrency")).isEqualTo("156");
        assertThat(reply.string("qrcVoucherNo")).matches("\\d{20}");
        assertThat(reply.string("authID")).matches("\\d{6}");
        assertThat(reply.string("retrivlRefNum")).isEqualTo("101588094295");
        assertThat(reply.object("settlementKey").asMap()).containsEntry("acquirerIIN", ACQUIRER_ID)
                .containsEntry("forwardingIIN", CpqrcFixture.FWD_IIN)
                .containsEntry("systemTraceAuditNumber", "903948")
                .containsEntry("transmissionDateTime", "1015115804");
        assertThat(reply.has("discountDetails")).isFalse();

        TrxInfo cbs = c.m.cbs.onlyCall().call().trxInfo();
        assertThat(cbs.string("onUsFlag")).isEqualTo("N");
        assertThat(cbs.string("relTrxType")).isEqualTo("CPQRC_PAYMENT");
        assertThat(cbs.string("trxAmt")).isEqualTo("50.00");
        assertThat(cbs.object("merchantInfo").asMap()).containsEntry("mcc", "5812")
                .containsEntry("merchantCountry", "344").containsEntry("termId", "T0000001")
                .containsEntry("acquirerIIN", ACQUIRER_ID).containsEntry("fwdIIN", CpqrcFixture.FWD_IIN);
        assertThat(stored(request).state()).isEqualTo(TrxState.APPROVED);
        assertThat(notifications(MessageType.ADDITIONAL_PROCESSING)).isEmpty();

        Notification n = notifications(MessageType.TRX_RESULT_NOTIFICATION).get(0);
        assertThat(n.recipientInsId()).isEqualTo(RouterFixture.WALLET_ID);
        assertThat(c.m.outbox.to(ACQUIRER_ID)).isEmpty();
        TrxInfo t = n.trxInfo();
        assertThat(t.string("trxMsgType")).isEqualTo("CPQRC_PAYMENT");
        assertThat(t.list("emvCpqrcPayload")).containsExactly(qr.emvPayload());
        assertThat(t.string("qrcVoucherNo")).isEqualTo(reply.string("qrcVoucherNo"));
        assertThat(t.string("merchantName")).isEqualTo("UPI QRC test K 840");
        assertThat(t.string("paymentStatus")).isEqualTo("APPROVED");
        assertThat(t.string("rejectionReason")).isEqualTo("APPROVED");
        assertThat(t.object("settlementKey")).isEqualTo(reply.object("settlementKey"));
        assertThat(t.string("deviceID")).isEqualTo(RouterFixture.DEVICE);
        assertThat(t.string("token")).isEqualTo(token.token());
    }

    @Test
    void aBarcodePaymentIsNotifiedWithTheBarcode() {
        CpqrCode qr = c.code(token, 100_00, 50_00);
        Outcome o = pay(c.payment(qr, "10.00").remove("emvCpqrcPayload")
                .put("barcodeCpqrcPayload", qr.barcode()).build());
        assertThat(code(o)).isEqualTo("00");
        TrxInfo t = notifications(MessageType.TRX_RESULT_NOTIFICATION).get(0).trxInfo();
        assertThat(t.list("barcodeCpqrcPayload")).containsExactly(qr.barcode());
        assertThat(t.has("emvCpqrcPayload")).isFalse();
    }

    @Test
    void aboveTheCvmLimitWaitsForTheCardholderAndGoesOnWhenConfirmed() {
        CpqrCode qr = c.code(token, 100_00, 10_00);
        Request request = c.acquirerRequest(c.payment(qr, "11.00").build());
        CompletableFuture<Outcome> outcome = pay.handle(request).toCompletableFuture();

        assertThat(outcome).isNotDone();
        assertThat(c.m.cbs.calls()).isEmpty();
        assertThat(stored(request).state()).isEqualTo(TrxState.AWAITING_CVM);
        Notification ask = notifications(MessageType.ADDITIONAL_PROCESSING).get(0);
        assertThat(ask.recipientInsId()).isEqualTo(RouterFixture.WALLET_ID);
        assertThat(ask.orderKey()).isEqualTo(token.token());
        assertThat(ask.trxInfo().asMap()).containsEntry("deviceID", RouterFixture.DEVICE)
                .containsEntry("token", token.token()).containsEntry("trxAmt", "11.00")
                .containsEntry("trxCurrency", "156").containsEntry("merchantName", "UPI QRC test K 840");
        assertThat(ask.trxInfo().list("emvCpqrcPayload")).containsExactly(qr.emvPayload());
        assertThat(c.waits.waitingCount()).isEqualTo(1);

        Outcome verdict = result.handle(c.walletRequest(c.result(qr, "CONTINUING").build())).toCompletableFuture()
                .join();
        assertThat(code(verdict)).isEqualTo("00");
        assertThat(code(outcome.join())).isEqualTo("00");
        assertThat(c.m.cbs.onlyCall().call().trxInfo().string("relTrxType")).isEqualTo("CPQRC_PAYMENT");
        assertThat(stored(request).state()).isEqualTo(TrxState.APPROVED);
        assertThat(notifications(MessageType.TRX_RESULT_NOTIFICATION)).singleElement()
                .satisfies(n -> assertThat(n.trxInfo().string("paymentStatus")).isEqualTo("APPROVED"));

        Outcome second = result.handle(c.walletRequest(c.result(qr, "CONTINUING").build())).toCompletableFuture()
                .join();
        assertThat(code(second)).isEqualTo("78");
    }

    @Test
    void aboveTheCvmLimitAnyOtherVerdictDeclines05WithoutACbsCall() {
        CpqrCode qr = c.code(token, 100_00, 10_00);
        Request request = c.acquirerRequest(c.payment(qr, "11.00").build());
        CompletableFuture<Outcome> outcome = pay.handle(request).toCompletableFuture();

        Outcome verdict = result.handle(c.walletRequest(c.result(qr, "REJECTED")
                .put("rejectionReason", "user cancelled").build())).toCompletableFuture().join();
        assertThat(code(verdict)).isEqualTo("00");
        assertThat(code(outcome.join())).isEqualTo("05");
        assertThat(c.m.cbs.calls()).isEmpty();
        assertThat(stored(request).state()).isEqualTo(TrxState.DECLINED);
        assertThat(stored(request).responseCode()).isEqualTo("05");
        TrxInfo t = notifications(MessageType.TRX_RESULT_NOTIFICATION).get(0).trxInfo();
        assertThat(t.string("paymentStatus")).isEqualTo("DECLINED");
        assertThat(t.string("rejectionReason")).startsWith("05 ");
        assertThat(code(result.handle(c.walletRequest(c.result(qr, "CONTINUING").build())).toCompletableFuture()
                .join())).isEqualTo("78");
    }

    @Test
    void noVerdictInTimeDeclines05() {
        CpqrCode qr = c.code(token, 100_00, 10_00);
        Request request = c.acquirerRequest(c.payment(qr, "11.00").build());
        CompletableFuture<Outcome> outcome = pay.handle(request).toCompletableFuture();

        c.m.f.clock.advance(CpqrcFixture.VERIFICATION_TIMEOUT.minusMillis(1));
        c.waits.tick();
        assertThat(outcome).isNotDone();
        c.m.f.clock.advance(Duration.ofMillis(1));
        c.waits.tick();
        assertThat(code(outcome.join())).isEqualTo("05");
        assertThat(c.m.cbs.calls()).isEmpty();
        assertThat(c.waits.waitingCount()).isZero();
        assertThat(c.payments.find(ACQUIRER_ID, request.msgInfo().msgID()).orElseThrow().verdict().kind())
                .isEqualTo(CpqrVerdict.Kind.TIMEOUT);
        // a result after the timeout is one too many
        assertThat(code(result.handle(c.walletRequest(c.result(qr, "CONTINUING").build())).toCompletableFuture()
                .join())).isEqualTo("78");
    }

    @Test
    void aVerdictRecordedOnAnotherNodeIsFoundByThePoll() {
        CpqrCode qr = c.code(token, 100_00, 10_00);
        Request request = c.acquirerRequest(c.payment(qr, "11.00").build());
        CompletableFuture<Outcome> outcome = pay.handle(request).toCompletableFuture();

        c.payments.recordVerdict(ACQUIRER_ID, request.msgInfo().msgID(),
                CpqrVerdict.of("CONTINUING", null, RouterFixture.WALLET_ID, "A1", c.m.f.clock.instant()));
        assertThat(outcome).isNotDone();
        c.waits.tick();
        assertThat(code(outcome.join())).isEqualTo("00");
        assertThat(c.m.cbs.calls()).hasSize(1);
    }

    @Test
    void cbsAnswersPassThroughAfterVerification() {
        c.m.cbs.answer(ResponseCode.INSUFFICIENT_BALANCE);
        CpqrCode qr = c.code(token, 100_00, 10_00);
        CompletableFuture<Outcome> outcome = pay.handle(c.acquirerRequest(c.payment(qr, "11.00").build()))
                .toCompletableFuture();
        result.handle(c.walletRequest(c.result(qr, "CONTINUING").build()));
        assertThat(code(outcome.join())).isEqualTo("51");
    }

    @Test
    void cbsCodesPassThroughAndANoAnswerIsPending() {
        c.m.cbs.answer(ResponseCode.INSUFFICIENT_BALANCE);
        assertThat(code(pay(c.payment(c.code(token, 100_00, 50_00), "10.00").build()))).isEqualTo("51");
        c.m.cbs.notSent(ResponseCode.NETWORK_ERROR);
        assertThat(code(pay(c.payment(c.code(token, 100_00, 50_00), "10.00").build()))).isEqualTo("92");
        c.m.cbs.noAnswer();
        Request pending = c.acquirerRequest(c.payment(c.code(token, 100_00, 50_00), "10.00").build());
        assertThat(code(run(pending))).isEqualTo("04");
        assertThat(stored(pending).state()).isEqualTo(TrxState.UNKNOWN);
    }

    @Test
    void theSecondPaymentWithACodeIs02() {
        CpqrCode qr = c.code(token, 100_00, 50_00);
        assertThat(code(pay(c.payment(qr, "10.00").build()))).isEqualTo("00");
        Outcome again = pay(c.payment(qr, "10.00").put("traceNum", "903949").build());
        assertThat(code(again)).isEqualTo("02");
        assertThat(c.m.cbs.calls()).hasSize(1);
    }

    @Test
    void anExpiredCodeIs02() {
        CpqrCode qr = c.code(token, 100_00, 50_00);
        c.m.f.clock.advance(Duration.ofMinutes(5));
        assertThat(code(pay(c.payment(qr, "10.00").build()))).isEqualTo("02");
    }

    @Test
    void aRerunOfTheSameRequestAfterTheCodeWasUsedGoesOn() {
        CpqrCode qr = c.code(token, 100_00, 50_00);
        Request request = c.acquirerRequest(c.payment(qr, "10.00").build());
        c.codes.redeem(qr.codeId(), ACQUIRER_ID, request.msgInfo().msgID(), c.m.f.clock.instant());
        assertThat(code(run(request))).isEqualTo("00");
    }

    @Test
    void scanRefusalsPassThrough() {
        CpqrCode qr = c.code(token, 100_00, 50_00);
        for (ResponseCode refusal : List.of(ResponseCode.FORMAT_ERROR, ResponseCode.INVALID_CARD_NUMBER,
                ResponseCode.CARDHOLDER_VERIFICATION_FAILED, ResponseCode.QRC_DUPLICATED_OR_EXPIRED)) {
            c.refusals.put(qr.emvPayload(), new CodeScanner.Scan.Refused(refusal, "scripted"));
            assertThat(code(pay(c.payment(qr, "10.00").build()))).isEqualTo(refusal.code());
        }
        assertThat(c.m.cbs.calls()).isEmpty();
    }

    @Test
    void anUnknownCodeIs14() {
        CpqrCode qr = c.code(token, 100_00, 50_00);
        assertThat(code(pay(c.payment(qr, "10.00").put("emvCpqrcPayload", "hQVDUFYwMWFYTwigAAADMwEBAVcTxx==")
                .build()))).isEqualTo("14");
    }

    @Test
    void malformedRequestsAre30() {
        CpqrCode qr = c.code(token, 100_00, 50_00);
        List<TrxInfo> bad = List.of(
                c.payment(qr, "10.00").remove("emvCpqrcPayload").build(),
                c.payment(qr, "10.00").put("barcodeCpqrcPayload", qr.barcode()).build(),
                c.payment(qr, "10.00").put("merchantInfo", merchantInfo(ACQUIRER_ID, "58A2").build()).build(),
                c.payment(qr, "10.00").put("merchantInfo", merchantInfo("47010345", "5812").build()).build(),
                c.payment(qr, "10.00").put("retrivlRefNum", "10158809429").build(),
                c.payment(qr, "10.00").put("traceNum", "90394").build(),
                c.payment(qr, "10.00").put("transDatetime", "1332115804").build(),
                c.payment(qr, "10.00").put("transDatetime", "1015245804").build(),
                c.payment(qr, "10.00").remove("merchantInfo").build(),
                c.payment(qr, "10.00").put("trxCurrency", "999").build());
        for (TrxInfo t : bad) {
            assertThat(code(pay(t))).as(t.toString()).isEqualTo("30");
        }
        assertThat(c.stored(qr.codeId()).usedByMsgId()).isNull();
    }

    @Test
    void transDatetimeAcceptsTheTwentyNinthOfFebruary() {
        assertThat(CpqrcPaymentHandler.validTransDatetime("0229235959")).isTrue();
        assertThat(CpqrcPaymentHandler.validTransDatetime("0230000000")).isFalse();
    }

    @Test
    void amountsAre13() {
        CpqrCode qr = c.code(token, 100_00, 100_00);
        assertThat(code(pay(c.payment(qr, "0.00").build()))).isEqualTo("13");
        assertThat(code(pay(c.payment(qr, "1.001").build()))).isEqualTo("13");
        assertThat(code(pay(c.payment(qr, "100.01").build()))).isEqualTo("13");
        assertThat(code(pay(c.payment(qr, "10.00").put("trxCurrency", "344").build()))).isEqualTo("13");
        assertThat(code(pay(c.payment(qr, "100.00").build()))).isEqualTo("00");
    }

    @Test
    void onlyAcquirersMayPay() {
        CpqrCode qr = c.code(token, 100_00, 50_00);
        Outcome o = run(c.m.f.request(MessageType.CPQRC_PAYMENT, c.payment(qr, "10.00").build()));
        assertThat(code(o)).isEqualTo("12");
    }

    @Test
    void theCardsLimitsApply() {
        c.m.catalog.limits(CpqrcFixture.QR.prdNo(), MoneyFixture.amountLimits(20_00, 0));
        assertThat(code(pay(c.payment(c.code(token, 100_00, 50_00), "20.01").build()))).isEqualTo("61");
        c.m.catalog.limits(CpqrcFixture.QR.prdNo(), MoneyFixture.blocking(Set.of("5812"), Set.of()));
        assertThat(code(pay(c.payment(c.code(token, 100_00, 50_00), "10.00").build()))).isEqualTo("62");
        c.m.catalog.limits(CpqrcFixture.QR.prdNo(), MoneyFixture.blocking(Set.of(), Set.of("344")));
        assertThat(code(pay(c.payment(c.code(token, 100_00, 50_00), "10.00").build()))).isEqualTo("62");
        c.m.catalog.limits(CpqrcFixture.QR.prdNo(), ProductLimits.NONE);
        assertThat(code(pay(c.payment(c.code(token, 100_00, 50_00), "10.00").build()))).isEqualTo("00");
    }

    @Test
    void theDailyLimitCountsThePaymentsOfTheDay() {
        c.m.catalog.limits(CpqrcFixture.QR.prdNo(), MoneyFixture.amountLimits(0, 15_00));
        assertThat(code(pay(c.payment(c.code(token, 100_00, 50_00), "10.00").build()))).isEqualTo("00");
        assertThat(code(pay(c.payment(c.code(token, 100_00, 50_00), "10.00").build()))).isEqualTo("61");
    }

    @Test
    void theCodesTokenAndDeviceMustStillHold() {
        CpqrCode issued = c.code(token, 100_00, 50_00);
        // the token moved to another device since the code was issued
        CpqrCode moved = new CpqrCode(issued.codeId(), issued.insId(), issued.issuerIin(), issued.cardId(),
                issued.token(), RouterFixture.OTHER_DEVICE, issued.userId(), issued.emvPayload(), issued.barcode(),
                issued.atc(), issued.trxLimitMinor(), issued.cvmLimitMinor(), issued.limitCurrency(),
                issued.createdAt(), issued.expiresAt(), null, null);
        c.codes.put(moved);
        assertThat(code(pay(c.payment(moved, "10.00").build()))).isEqualTo("55");

        TokenRecord other = c.token("32");
        CpqrCode foreign = c.code(other, 100_00, 50_00);
        // the code's token is no longer enrolled
        c.codes.put(new CpqrCode(foreign.codeId(), foreign.insId(), foreign.issuerIin(), foreign.cardId(),
                MoneyFixture.tokenNumber(CpqrcFixture.QR, "99"), foreign.deviceId(), foreign.userId(),
                foreign.emvPayload(), foreign.barcode(), foreign.atc(), foreign.trxLimitMinor(),
                foreign.cvmLimitMinor(), foreign.limitCurrency(), foreign.createdAt(), foreign.expiresAt(), null,
                null));
        assertThat(code(pay(c.payment(foreign, "10.00").build()))).isEqualTo("73");
    }

    @Test
    void theResolverViewOfAnAwaitingPaymentIsDueAfterTheVerificationTimeout() {
        CpqrCode qr = c.code(token, 100_00, 10_00);
        Request request = c.acquirerRequest(c.payment(qr, "11.00").build());
        pay.handle(request);
        Instant due = stored(request).nextAttemptAt();
        assertThat(due).isEqualTo(c.m.f.clock.instant().plus(CpqrcFixture.VERIFICATION_TIMEOUT)
                .plus(MoneyFixture.CBS_CALL_TIMEOUT.multipliedBy(2)));
    }
}
