package org.openscis.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.bank.Ledger;
import org.openscis.router.MessageType;
import org.openscis.router.port.CbsCall;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.CbsReply;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.TrxState;
import org.openscis.server.adapters.CbsCoreBanking;
import org.openscis.server.cli.CliContext;
import org.openscis.server.cli.Main;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.ClientCommandRunner;
import org.openscis.server.client.ReceivedCallback;
import org.openscis.server.client.SignedExchange;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.keys.ClientProfile;
import org.openscis.server.keys.DevKeyBootstrap;
import org.openscis.server.storage.JdbcTransactionStore;
import org.openscis.server.system.Wallet.Card;

/**
 * The acquirer's REFUND and CANCELLATION end to end over loopback: the demo acquirer of the shipped configuration,
 * with the client profile its first start wrote, against the real switch and the embedded CBS simulator. The
 * CPQRC_PAYMENTs refunded are approved payments as the switch records them, written straight into its store (with
 * the ledger movement the payment made: the card's account debited, the settlement account credited), so these tests
 * do not depend on how the payment itself is made. Money is checked in the simulator's ledger; the wallet's
 * TRX_RESULT_NOTIFICATIONs arrive at its callback receiver with their signatures checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AcquirerReturnSystemTests {

    private static final Duration CALLBACK_WAIT = Duration.ofSeconds(20);
    private static final String ACQUIRER = "48000344";
    private static final String SETTLEMENT = "SETTLEMENT-344";
    private static final String MID = "OPENSCISDEMO001";
    /** STANs of the payments' CBS msgIDs, far from the switch's own sequence. */
    private static final AtomicInteger PAYMENTS = new AtomicInteger(900_000);

    private final ClearTextWatch watch = new ClearTextWatch();
    private RunningSwitch sw;
    private Wallet wallet;
    private Ledger ledger;
    private AppGatewayClient acquirer;
    private JdbcTransactionStore store;
    private DataKeyring keyring;
    private CbsCoreBanking coreBanking;

    abstract boolean postgres();

    @BeforeAll
    void start() throws Exception {
        watch.start();
        sw = RunningSwitch.start(postgres(), RunningSwitch.Setup.shipped().withCallbacks());
        wallet = new Wallet(sw, watch);
        ledger = sw.simulator().ledger();
        ClientProfile profile = ClientProfile.load(sw.dataDir.resolve(DevKeyBootstrap.ACQUIRER_PROFILE_DIR))
                .withBaseUrl("http://127.0.0.1:" + sw.server.httpPort());
        assertThat(profile.insId()).isEqualTo(ACQUIRER);
        acquirer = RunningSwitch.client(profile);
        coreBanking = new CbsCoreBanking(sw.server.cbsLinks().clients(), Runnable::run);
        keyring = DataKeyring.open(Path.of(sw.config.switchKeys().dataKeysFile()), false);
        store = new JdbcTransactionStore(sw.server.database(), new DataCipher(keyring), (tx, n, now) -> {
            throw new IllegalStateException("payments are created, never transitioned, here");
        });
    }

    @AfterAll
    void stop() throws Exception {
        try {
            assertThat(ledger.check().ok()).as("ledger invariants: " + ledger.check()).isTrue();
            watch.assertNoneInClear(sw, "money_transactions", "outbox");
        } finally {
            watch.stop();
            if (acquirer != null) {
                acquirer.close();
            }
            sw.close();
        }
    }

    @Test
    void partialRefundsUpToTheWholePaymentThen13AndTheWalletIsToldOfEach() throws Exception {
        Card card = wallet.enrolSeeded();
        String payment = pay(card, "30.00");
        long before = ledger.balanceMinor(card.accountNo());
        long settlementBefore = ledger.balanceMinor(SETTLEMENT);

        SignedExchange first = refund(payment, "10.00");
        assertThat(first.responseCode()).isEqualTo("00");
        assertThat(first.trxInfo().string("trxAmt")).isEqualTo("10.00");
        assertThat(first.trxInfo().string("trxCurrency")).isEqualTo(Wallet.CURRENCY);
        assertThat(first.trxInfo().string("qrcVoucherNo")).matches("\\d{20}");
        assertThat(refund(payment, "15.00").responseCode()).isEqualTo("00");
        assertThat(refund(payment, "5.01").responseCode()).as("above the rest").isEqualTo("13");
        assertThat(refund(payment, "5.00").responseCode()).isEqualTo("00");
        assertThat(refund(payment, "0.01").responseCode()).as("fully refunded").isEqualTo("13");

        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(before + 3_000);
        assertThat(ledger.balanceMinor(SETTLEMENT)).isEqualTo(settlementBefore - 3_000);
        List<ReceivedCallback> notices = notifications(card.token(), 3);
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.signature().valid()).as(n.signature().reason()).isTrue();
            TrxInfo t = n.trxInfo();
            assertThat(t.string("trxMsgType")).isEqualTo("REFUND");
            assertThat(t.string("origMsgID")).isEqualTo(payment);
            assertThat(t.string("origTrxType")).isEqualTo("CPQRC_PAYMENT");
            assertThat(t.string("deviceID")).isEqualTo(card.deviceId());
            assertThat(t.string("merchantName")).isEqualTo("OpenSCIS Demo Shop");
            assertThat(t.string("paymentStatus")).isEqualTo("APPROVED");
        });
        assertThat(notices).extracting(n -> n.trxInfo().string("trxAmt"))
                .containsExactlyInAnyOrder("10.00", "15.00", "5.00");
        assertThat(notices.get(0).trxInfo().string("qrcVoucherNo")).isNotNull();
    }

    @Test
    void anUnknownOriginalIs25() {
        Card card = wallet.enrolSeeded();
        pay(card, "5.00");

        assertThat(refund("A" + ACQUIRER + "20261126000000999999", "1.00").responseCode()).isEqualTo("25");
        assertThat(cancel("A" + ACQUIRER + "20261126000000999999", "5.00").responseCode()).isEqualTo("25");
    }

    @Test
    void aCancellationGivesEverythingBackOnceAndThenNothingElseApplies() throws Exception {
        Card card = wallet.enrolSeeded();
        String payment = pay(card, "20.00");
        long before = ledger.balanceMinor(card.accountNo());

        assertThat(cancel(payment, "19.99").responseCode()).as("not the whole amount").isEqualTo("13");
        SignedExchange cancelled = cancel(payment, "20.00");
        assertThat(cancelled.responseCode()).isEqualTo("00");
        assertThat(cancelled.trxInfo().string("qrcVoucherNo")).matches("\\d{20}");
        assertThat(cancel(payment, "20.00").responseCode()).as("a second cancellation").isEqualTo("12");
        assertThat(refund(payment, "1.00").responseCode()).as("refund after cancellation").isEqualTo("12");

        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(before + 2_000);
        ReceivedCallback notice = notifications(card.token(), 1).get(0);
        assertThat(notice.signature().valid()).isTrue();
        assertThat(notice.trxInfo().string("trxMsgType")).isEqualTo("CANCELLATION");
        assertThat(notice.trxInfo().string("origMsgID")).isEqualTo(payment);
        assertThat(notice.trxInfo().string("trxAmt")).isEqualTo("20.00");
    }

    @Test
    void aRefundedPaymentCannotBeCancelled() {
        Card card = wallet.enrolSeeded();
        String payment = pay(card, "8.00");

        assertThat(refund(payment, "1.00").responseCode()).isEqualTo("00");
        assertThat(cancel(payment, "8.00").responseCode()).isEqualTo("12");
    }

    @Test
    void anAppGatewayMayNotSendRefundsOrCancellations() {
        Card card = wallet.enrolSeeded();
        String payment = pay(card, "4.00");
        long before = ledger.balanceMinor(card.accountNo());

        assertThat(wallet.call("REFUND", refundTrx(payment, "1.00")).responseCode()).isEqualTo("40");
        assertThat(wallet.call("CANCELLATION", refundTrx(payment, "4.00")).responseCode()).isEqualTo("40");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(before);
    }

    @Test
    void theAcquirerMayNotSendAppGatewayMessages() {
        SignedExchange ex = acquirer.call("CVM_INQUIRY", TrxInfo.builder().put("deviceID", Wallet.device())
                .put("prdNo", Wallet.PRODUCT).build()).join();

        assertThat(ex.signatureValid()).isTrue();
        assertThat(ex.responseCode()).isEqualTo("40");
    }

    @Test
    void aRetriedRefundIsAnsweredAgainWithoutMovingMoneyTwice() {
        Card card = wallet.enrolSeeded();
        String payment = pay(card, "6.00");
        long before = ledger.balanceMinor(card.accountNo());
        String msgId = acquirer.newMsgId();

        TrxInfo trx = refundTrx(payment, "6.00");

        SignedExchange first = checked(acquirer.call("REFUND", trx, msgId).join());
        SignedExchange again = checked(acquirer.call("REFUND", trx, msgId).join());
        SignedExchange changed = checked(acquirer.call("REFUND", refundTrx(payment, "6.00"), msgId).join());

        assertThat(first.responseCode()).isEqualTo("00");
        assertThat(again.responseCode()).isEqualTo("00");
        assertThat(again.trxInfo().string("qrcVoucherNo")).isEqualTo(first.trxInfo().string("qrcVoucherNo"));
        assertThat(changed.responseCode()).as("same msgID, other content").isEqualTo("94");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(before + 600);
    }

    @Test
    void concurrentRefundsNeverGiveBackMoreThanThePayment() throws Exception {
        Card card = wallet.enrolSeeded();
        String payment = pay(card, "10.00");
        long before = ledger.balanceMinor(card.accountNo());

        List<CompletableFuture<SignedExchange>> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sent.add(acquirer.call("REFUND", refundTrx(payment, "4.00")));
        }
        List<String> codes = sent.stream().map(CompletableFuture::join).map(AcquirerReturnSystemTests::checked)
                .map(SignedExchange::responseCode).toList();

        long approved = codes.stream().filter("00"::equals).count();
        assertThat(codes).allMatch(c -> c.equals("00") || c.equals("13"));
        // Concurrent ones that all see each other may all be declined (13): safe, never more than the payment.
        assertThat(approved).isLessThanOrEqualTo(2L);
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(before + approved * 400);
        assertThat(refund(payment, "2.01").responseCode()).isEqualTo(approved == 2 ? "13" : "00");
    }

    @Test
    void theAcquirerCommandRefundsThroughTheRealClient() {
        Card card = wallet.enrolSeeded();
        String payment = pay(card, "3.00");
        long before = ledger.balanceMinor(card.accountNo());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> null, sw.dataDir, Optional::empty,
                () -> Optional.of(new ClientCommandRunner()), Optional::empty);

        int exit = Main.execute(context, "acquirer", "refund", "--profile",
                sw.dataDir.resolve(DevKeyBootstrap.ACQUIRER_PROFILE_DIR).toString(), "--url",
                "http://127.0.0.1:" + sw.server.httpPort(), "--orig-msg-id", payment, "--amount", "1.25");

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("/scis/acquirer/refund")
                .contains("< signature valid").contains("< msgResponse 00");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(before + 125);
    }

    // ---- helpers

    /**
     * An approved CPQRC_PAYMENT of the demo acquirer paid with {@code card}: the CBS debit it made (card to settlement,
     * through the simulator's own message, as the switch sends it) and the switch's record of it. Returns its msgID.
     */
    private String pay(Card card, String amount) {
        String msgId = acquirer.newMsgId();
        String trxId = "U" + RunningSwitch.ISSUER_IIN + "20261126000000"
                + String.format("%06d", PAYMENTS.incrementAndGet());
        TrxInfo cbs = TrxInfo.builder()
                .put("relTrxMsgID", msgId)
                .put("relTrxType", "CPQRC_PAYMENT")
                .put("onUsFlag", "N")
                .put("merchantInfo", merchantInfo())
                .put("debitAccountInfo", TrxInfo.builder().put("token", card.token()).put("pan", card.pan())
                        .put("accountNo", card.accountNo()).build())
                .put("trxAmt", amount)
                .put("trxCurrency", Wallet.CURRENCY)
                .put("billAmt", amount)
                .put("billCurrency", Wallet.CURRENCY)
                .put("retrivlRefNum", "101588094295")
                .build();
        CbsReply debit = coreBanking.call(RunningSwitch.ISSUER_IIN,
                new CbsCall(CbsOperation.DEBIT_TRANSACTION, trxId, cbs), Instant.now().plusSeconds(10))
                .toCompletableFuture().join();
        assertThat(debit).as("the payment's debit").isInstanceOfSatisfying(CbsReply.Answered.class,
                a -> assertThat(a.code()).isEqualTo(ResponseCode.APPROVED));
        Instant now = Instant.now();
        long minor = Math.round(Double.parseDouble(amount) * 100);
        assertThat(store.create(new MoneyTransaction(trxId, ACQUIRER, msgId, MessageType.CPQRC_PAYMENT, "1.0.0",
                "20261126000000", RunningSwitch.ISSUER_IIN, cardIdOf(card.token()), card.token(), card.deviceId(),
                CbsOperation.DEBIT_TRANSACTION, minor, Wallet.CURRENCY, cbs,
                TrxInfo.builder().put("trxAmt", amount).put("trxCurrency", Wallet.CURRENCY).build(),
                TrxState.APPROVED, "00", true, 0, null, now, now))).isTrue();
        return msgId;
    }

    private SignedExchange refund(String origMsgId, String amount) {
        return checked(acquirer.call("REFUND", refundTrx(origMsgId, amount)).join());
    }

    private SignedExchange cancel(String origMsgId, String amount) {
        return checked(acquirer.call("CANCELLATION", refundTrx(origMsgId, amount)).join());
    }

    private static SignedExchange checked(SignedExchange ex) {
        assertThat(ex.signatureValid()).as("response signature: " + ex.signatureReason()).isTrue();
        return ex;
    }

    private static TrxInfo refundTrx(String origMsgId, String amount) {
        return TrxInfo.builder()
                .put("origMsgID", origMsgId)
                .put("trxAmt", amount)
                .put("trxCurrency", Wallet.CURRENCY)
                .put("merchantInfo", merchantInfo())
                .put("retrivlRefNum", String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)))
                .put("traceNum", String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)))
                .put("transDatetime", "1126101500")
                .build();
    }

    private static TrxInfo merchantInfo() {
        return TrxInfo.builder()
                .put("acquirerIIN", ACQUIRER)
                .put("fwdIIN", "00010344")
                .put("mid", MID)
                .put("merchantName", "OpenSCIS Demo Shop")
                .put("mcc", "5812")
                .put("merchantCountry", "344")
                .put("termId", "T0000001")
                .build();
    }

    private String cardIdOf(String token) {
        try (Connection c = sw.server.database().dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT card_id FROM tokens WHERE token = ?")) {
            s.setString(1, token);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The wallet's TRX_RESULT_NOTIFICATIONs for {@code token}, waiting until {@code count} have arrived. */
    private List<ReceivedCallback> notifications(String token, int count) {
        return await().atMost(CALLBACK_WAIT).until(() -> sw.callbacks.received("TRX_RESULT_NOTIFICATION").stream()
                .filter(c -> token.equals(c.trxInfo().string("token")))
                .toList(), l -> l.size() >= count);
    }
}
