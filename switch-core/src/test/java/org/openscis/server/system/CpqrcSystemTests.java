package org.openscis.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.bank.Ledger;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.ReceivedCallback;
import org.openscis.server.client.SignedExchange;
import org.openscis.server.system.Wallet.Card;

/**
 * Consumer-presented QR payments end to end over loopback (decisions.md §7): the wallet generates codes
 * (QRC_GENERATION), an acquirer ({@link TestAcquirer}) pays with them (CPQRC_PAYMENT), the wallet's callback receiver
 * gets ADDITIONAL_PROCESSING and TRX_RESULT_NOTIFICATION with valid signatures and answers with
 * ADDITIONAL_PROCESSING_RESULT. The verification timeout is short ({@link #VERIFICATION_TIMEOUT}); money is checked
 * in the simulator's ledger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CpqrcSystemTests {

    private static final Duration VERIFICATION_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CALLBACK_WAIT = Duration.ofSeconds(20);
    private static final String SETTLEMENT = "SETTLEMENT-" + Wallet.CURRENCY;
    private static final String[] TABLES = {"cards", "tokens", "idempotency", "money_transactions", "outbox",
        "cpqr_codes", "cpqr_payments"};

    private final ClearTextWatch watch = new ClearTextWatch();
    private final TestAcquirer acquirer = new TestAcquirer();
    private RunningSwitch sw;
    private Wallet wallet;
    private Ledger ledger;
    private AppGatewayClient acq;
    private int trace;

    abstract boolean postgres();

    @BeforeAll
    void start() throws Exception {
        watch.start();
        sw = RunningSwitch.start(postgres(), RunningSwitch.Setup.shipped().withCallbacks()
                .adjusted(acquirer.configured())
                .adjusted(TestSettings.qrVerification(VERIFICATION_TIMEOUT, Duration.ofMillis(100))));
        wallet = new Wallet(sw, watch);
        ledger = sw.simulator().ledger();
        acq = acquirer.client(sw.profile);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            assertThat(ledger.check().ok()).as("ledger invariants: " + ledger.check()).isTrue();
            watch.assertNoneInClear(sw, TABLES);
        } finally {
            watch.stop();
            acq.close();
            sw.close();
        }
    }

    /** One code of {@code card}: trxLimit 100.00, cvmLimit 10.00; [payload, barcode]. */
    private List<String> code(Card card) {
        SignedExchange ex = wallet.call("QRC_GENERATION", Wallet.tokenTrx(card).put("trxLimit", "100")
                .put("cvmLimit", "10").put("limitCurrency", Wallet.CURRENCY).put("cpqrcNo", "01").build());
        assertThat(ex.responseCode()).isEqualTo("00");
        String payload = (String) ex.trxInfo().list("emvCpqrcPayload").get(0);
        String barcode = (String) ex.trxInfo().list("barcodeCpqrcPayload").get(0);
        watch.secret(payload);
        watch.secret(barcode);
        return List.of(payload, barcode);
    }

    private synchronized TrxInfo.Builder payment(String payload, String amount) {
        trace++;
        return TrxInfo.builder()
                .put("emvCpqrcPayload", payload)
                .put("trxAmt", amount)
                .put("trxCurrency", Wallet.CURRENCY)
                .put("merchantInfo", TrxInfo.builder()
                        .put("acquirerIIN", TestAcquirer.INS_ID)
                        .put("fwdIIN", TestAcquirer.FWD_IIN)
                        .put("mid", "123456789012345")
                        .put("merchantName", "CHN29000CHINA UNIONPAY SIMULATOR")
                        .put("mcc", "5812")
                        .put("merchantCountry", "344")
                        .put("termId", "T0000001")
                        .build())
                .put("retrivlRefNum", String.format("1015880%05d", trace))
                .put("traceNum", String.format("90%04d", trace))
                .put("transDatetime", "1015115804");
    }

    private CompletableFuture<SignedExchange> pay(TrxInfo trxInfo) {
        return acq.call("CPQRC_PAYMENT", trxInfo).thenApply(ex -> {
            assertThat(ex.signatureValid()).as("response signature: " + ex.signatureReason()).isTrue();
            return ex;
        });
    }

    private SignedExchange result(Card card, String payload, String paymentStatus) {
        return wallet.call("ADDITIONAL_PROCESSING_RESULT", Wallet.tokenTrx(card)
                .put("emvCpqrcPayload", List.of(payload)).put("paymentStatus", paymentStatus).build());
    }

    /** The signed callback of {@code msgType} about {@code token} with {@code paymentStatus} (null: any). */
    private ReceivedCallback callback(String msgType, String token, String paymentStatus) {
        ReceivedCallback c = await().atMost(CALLBACK_WAIT).until(() -> sw.callbacks.received(msgType).stream()
                .filter(r -> token.equals(r.trxInfo().string("token")))
                .filter(r -> paymentStatus == null || paymentStatus.equals(r.trxInfo().string("paymentStatus")))
                .findFirst().orElse(null), r -> r != null);
        assertThat(c.signatureValid()).as(c.signature().reason()).isTrue();
        return c;
    }

    @Test
    void atOrBelowTheCvmLimitTheAccountIsDebitedAtOnce() {
        Card card = wallet.enrolSeeded();
        List<String> qr = code(card);
        long customer = ledger.balanceMinor(card.accountNo());
        long settlement = ledger.balanceMinor(SETTLEMENT);

        SignedExchange paid = pay(payment(qr.get(0), "10.00").build()).join();

        assertThat(paid.responseCode()).isEqualTo("00");
        TrxInfo reply = paid.trxInfo();
        assertThat(reply.string("qrcVoucherNo")).matches("\\d{20}");
        assertThat(reply.string("authID")).matches("\\d{6}");
        assertThat(reply.object("settlementKey").string("acquirerIIN")).isEqualTo(TestAcquirer.INS_ID);
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(customer - 10_00);
        assertThat(ledger.balanceMinor(SETTLEMENT)).isEqualTo(settlement + 10_00);
        TrxInfo notice = callback("TRX_RESULT_NOTIFICATION", card.token(), "APPROVED").trxInfo();
        assertThat(notice.string("trxMsgType")).isEqualTo("CPQRC_PAYMENT");
        assertThat(notice.list("emvCpqrcPayload")).containsExactly(qr.get(0));
        assertThat(notice.string("qrcVoucherNo")).isEqualTo(reply.string("qrcVoucherNo"));
        assertThat(notice.string("retrivlRefNum")).isEqualTo(reply.string("retrivlRefNum"));
        assertThat(notice.object("settlementKey")).isEqualTo(reply.object("settlementKey"));
        assertThat(sw.callbacks.received("ADDITIONAL_PROCESSING").stream()
                .filter(c -> card.token().equals(c.trxInfo().string("token")))).isEmpty();
    }

    @Test
    void aboveTheCvmLimitTheCardholderConfirmsAndASecondResultIs78() {
        Card card = wallet.enrolSeeded();
        List<String> qr = code(card);
        long customer = ledger.balanceMinor(card.accountNo());

        CompletableFuture<SignedExchange> paying = pay(payment(qr.get(0), "25.00").build());
        TrxInfo ask = callback("ADDITIONAL_PROCESSING", card.token(), null).trxInfo();
        assertThat(ask.string("trxAmt")).isEqualTo("25.00");
        assertThat(ask.list("emvCpqrcPayload")).containsExactly(qr.get(0));
        assertThat(paying).isNotDone();

        assertThat(result(card, qr.get(0), "CONTINUING").responseCode()).isEqualTo("00");
        assertThat(paying.join().responseCode()).isEqualTo("00");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(customer - 25_00);
        callback("TRX_RESULT_NOTIFICATION", card.token(), "APPROVED");
        assertThat(result(card, qr.get(0), "CONTINUING").responseCode()).isEqualTo("78");
    }

    @Test
    void aboveTheCvmLimitADeclinedVerificationIs05AndMovesNothing() {
        Card card = wallet.enrolSeeded();
        List<String> qr = code(card);
        long customer = ledger.balanceMinor(card.accountNo());

        CompletableFuture<SignedExchange> paying = pay(payment(qr.get(0), "25.00").build());
        callback("ADDITIONAL_PROCESSING", card.token(), null);
        assertThat(result(card, qr.get(0), "REJECTED").responseCode()).isEqualTo("00");

        assertThat(paying.join().responseCode()).isEqualTo("05");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(customer);
        TrxInfo notice = callback("TRX_RESULT_NOTIFICATION", card.token(), "DECLINED").trxInfo();
        assertThat(notice.string("rejectionReason")).startsWith("05");
    }

    @Test
    void withoutAVerdictThePaymentTimesOutWith05() {
        Card card = wallet.enrolSeeded();
        List<String> qr = code(card);
        long customer = ledger.balanceMinor(card.accountNo());

        SignedExchange paid = pay(payment(qr.get(0), "25.00").build()).join();

        assertThat(paid.responseCode()).isEqualTo("05");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(customer);
        callback("TRX_RESULT_NOTIFICATION", card.token(), "DECLINED");
        assertThat(result(card, qr.get(0), "CONTINUING").responseCode()).as("too late").isEqualTo("78");
    }

    @Test
    void ofTwoConcurrentScansOfOneCodeExactlyOnePays() {
        Card card = wallet.enrolSeeded();
        List<String> qr = code(card);
        long customer = ledger.balanceMinor(card.accountNo());

        CompletableFuture<SignedExchange> first = pay(payment(qr.get(0), "5.00").build());
        CompletableFuture<SignedExchange> second = pay(payment(qr.get(0), "5.00").build());

        assertThat(List.of(first.join().responseCode(), second.join().responseCode()))
                .containsExactlyInAnyOrder("00", "02");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(customer - 5_00);
    }

    @Test
    void theBarcodePaysToo() {
        Card card = wallet.enrolSeeded();
        List<String> qr = code(card);

        SignedExchange paid = pay(payment(qr.get(0), "5.00").remove("emvCpqrcPayload")
                .put("barcodeCpqrcPayload", qr.get(1)).build()).join();

        assertThat(paid.responseCode()).isEqualTo("00");
        TrxInfo notice = callback("TRX_RESULT_NOTIFICATION", card.token(), "APPROVED").trxInfo();
        assertThat(notice.list("barcodeCpqrcPayload")).containsExactly(qr.get(1));
    }

    @Test
    void refusalsMoveNothing() {
        Card card = wallet.enrolSeeded();
        List<String> qr = code(card);
        long customer = ledger.balanceMinor(card.accountNo());

        assertThat(pay(payment(qr.get(0), "100.01").build()).join().responseCode()).as("above trxLimit")
                .isEqualTo("13");
        assertThat(pay(payment(qr.get(0), "5.00").remove("traceNum").build()).join().responseCode())
                .isEqualTo("30");
        assertThat(pay(payment("hQVDUFYwMQ==", "5.00").build()).join().responseCode()).isIn("30", "14");
        assertThat(pay(payment(qr.get(0), "5.00").build()).join().responseCode()).isEqualTo("00");
        assertThat(pay(payment(qr.get(0), "5.00").build()).join().responseCode()).as("used").isEqualTo("02");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(customer - 5_00);
    }

    @Test
    void aPaymentMadeThroughCpqrcPaymentIsRefundedInPartsUpToItsAmount() {
        Card card = wallet.enrolSeeded();
        List<String> qr = code(card);
        long customer = ledger.balanceMinor(card.accountNo());
        long settlement = ledger.balanceMinor(SETTLEMENT);
        String paymentMsgId = acq.newMsgId();
        SignedExchange paid = acq.call("CPQRC_PAYMENT", payment(qr.get(0), "10.00").build(), paymentMsgId).join();
        assertThat(paid.responseCode()).isEqualTo("00");

        assertThat(refund(paymentMsgId, "4.00").responseCode()).isEqualTo("00");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(customer - 6_00);
        assertThat(ledger.balanceMinor(SETTLEMENT)).isEqualTo(settlement + 6_00);
        assertThat(refund(paymentMsgId, "6.01").responseCode()).as("above the rest").isEqualTo("13");
        assertThat(refund(paymentMsgId, "6.00").responseCode()).isEqualTo("00");

        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(customer);
        assertThat(ledger.balanceMinor(SETTLEMENT)).isEqualTo(settlement);
        assertThat(await().atMost(CALLBACK_WAIT).until(() -> sw.callbacks.received("TRX_RESULT_NOTIFICATION")
                .stream().map(ReceivedCallback::trxInfo)
                .filter(t -> card.token().equals(t.string("token")) && "REFUND".equals(t.string("trxMsgType")))
                .toList(), l -> l.size() == 2))
                .allSatisfy(t -> {
                    assertThat(t.string("origMsgID")).isEqualTo(paymentMsgId);
                    assertThat(t.string("paymentStatus")).isEqualTo("APPROVED");
                });
    }

    private SignedExchange refund(String origMsgId, String amount) {
        SignedExchange ex = acq.call("REFUND", payment("", amount).remove("emvCpqrcPayload")
                .put("origMsgID", origMsgId).build()).join();
        assertThat(ex.signatureValid()).as("response signature: " + ex.signatureReason()).isTrue();
        return ex;
    }
}
