package org.openscis.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.link.LinkStats;
import org.openscis.connector.sim.FaultPlan;
import org.openscis.connector.sim.FaultRule;
import org.openscis.connector.sim.bank.Ledger;
import org.openscis.server.client.ReceivedCallback;
import org.openscis.server.client.SignedExchange;
import org.openscis.server.system.Wallet.Card;

/**
 * What the App Gateway sees when the issuer's CBS misbehaves, driven through the embedded simulator's fault plan:
 * codes the CBS answers are passed through unchanged, a CBS that never answers gives 04 and the background resolver
 * settles the movement exactly once, an unreachable or saturated CBS gives 91, 92 or 98 with nothing debited.
 *
 * <p>The CBS link is one connection with one queue slot, so that a test can fill it. The tests share one switch and
 * run one at a time; each leaves the fault plan empty and the link idle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CbsFaultSystemTests {

    /** The shipped CBS call timeout: the 04 path waits for it once per test. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    /** How long after it began an unsettled movement is first looked at by the resolver (MoneyMovement). */
    private static final Duration RESOLVER_DUE = CALL_TIMEOUT.multipliedBy(2);
    private static final Duration ASYNC_WAIT = Duration.ofSeconds(30);
    private static final Duration FAST_POLL = Duration.ofMillis(10);
    private static final String[] TABLES = {"cards", "tokens", "idempotency", "money_transactions", "outbox"};

    private final ClearTextWatch watch = new ClearTextWatch();
    private RunningSwitch sw;
    private Wallet wallet;
    private Ledger ledger;
    private FaultPlan faults;

    abstract boolean postgres();

    @BeforeAll
    void start() throws Exception {
        watch.start();
        sw = RunningSwitch.start(postgres(), RunningSwitch.Setup.shipped().withCallbacks()
                .adjusted(TestSettings.cbsLink(CALL_TIMEOUT, 1, 1)));
        wallet = new Wallet(sw, watch);
        ledger = sw.simulator().ledger();
        faults = sw.simulator().faults();
    }

    @AfterEach
    void leaveTheCbsIdle() {
        faults.clear();
        await().atMost(ASYNC_WAIT).until(() -> link().inFlight() == 0 && link().queued() == 0);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            assertThat(ledger.check().ok()).as("ledger invariants: " + ledger.check()).isTrue();
            watch.assertNoneInClear(sw, TABLES);
        } finally {
            watch.stop();
            sw.close();
        }
    }

    // ---- codes the CBS answers

    @ParameterizedTest(name = "CBS answers {0}")
    @ValueSource(strings = {"01", "32", "51", "70", "71", "72", "74", "75", "76", "91"})
    void aCbsRefusalIsPassedThroughUnchangedAndMovesNothing(String code) throws Exception {
        Card card = wallet.enrolSeeded();
        faults.add(FaultRule.respond("DEBIT_TRANSACTION", code).times(1));
        String msgId = wallet.newMsgId();
        SignedExchange paid = wallet.call("BILL_PAYMENT", Wallet.billPayment(card, "10.00"), msgId);
        assertThat(paid.responseCode()).isEqualTo(code);
        assertThat(paid.trxInfo().string("deviceID")).isEqualTo(card.deviceId());
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR);
        assertThat(ledger.postingCount(sw.trxIdOf(msgId))).isZero();

        TrxInfo inquiry = wallet.call("TRX_RESULT_INQUIRY", Wallet.resultInquiry(card, msgId, "BILL_PAYMENT"))
                .trxInfo();
        assertThat(inquiry.string("paymentStatus")).isEqualTo("DECLINED");
        assertThat(inquiry.string("rejectionReason")).startsWith(code + " ");
    }

    // ---- a CBS that never answers: 04, then the resolver

    @Test
    void anUnansweredDebitThatTheCbsAppliedIs04ThenSettledAsApprovedExactlyOnce() throws Exception {
        Card card = wallet.enrolSeeded();
        faults.add(FaultRule.noAnswer("DEBIT_TRANSACTION", true).times(1));
        String msgId = wallet.newMsgId();
        TrxInfo payment = Wallet.billPayment(card, "30.00");
        assertThat(wallet.call("BILL_PAYMENT", payment, msgId).responseCode()).isEqualTo("04");
        String trxId = sw.trxIdOf(msgId);
        assertThat(ledger.movementState(trxId)).as("the CBS did apply it").contains("APPROVED");

        sw.clock.advance(RESOLVER_DUE);
        ReceivedCallback notice = notification(card.token(), "APPROVED");
        assertThat(notice.signatureValid()).as(notice.signature().reason()).isTrue();
        assertThat(notice.trxInfo().string("trxMsgType")).isEqualTo("BILL_PAYMENT");
        assertThat(notice.trxInfo().string("trxAmt")).isEqualTo("30.00");

        // the final answer replaces the stored 04 just after the state (and its callback) is committed
        await().atMost(ASYNC_WAIT).untilAsserted(() -> assertThat(wallet.call("BILL_PAYMENT", payment, msgId)
                .responseCode()).as("a retry gets the final answer").isEqualTo("00"));
        TrxInfo inquiry = wallet.call("TRX_RESULT_INQUIRY", Wallet.resultInquiry(card, msgId, "BILL_PAYMENT"))
                .trxInfo();
        assertThat(inquiry.string("paymentStatus")).isEqualTo("APPROVED");
        assertThat(ledger.postingCount(trxId)).as("one debit: customer and biller").isEqualTo(2);
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR - 3000);
    }

    @Test
    void anUnansweredDebitThatTheCbsNeverAppliedIs04ThenSettledAs91WithNoDebit() throws Exception {
        Card card = wallet.enrolSeeded();
        faults.add(FaultRule.noAnswer("DEBIT_TRANSACTION", false).times(1));
        String msgId = wallet.newMsgId();
        TrxInfo payment = Wallet.billPayment(card, "30.00");
        assertThat(wallet.call("BILL_PAYMENT", payment, msgId).responseCode()).isEqualTo("04");
        String trxId = sw.trxIdOf(msgId);

        sw.clock.advance(RESOLVER_DUE);
        ReceivedCallback notice = notification(card.token(), "DECLINED");
        assertThat(notice.signatureValid()).as(notice.signature().reason()).isTrue();
        assertThat(notice.trxInfo().string("rejectionReason")).startsWith("91 ");

        await().atMost(ASYNC_WAIT).untilAsserted(() -> assertThat(wallet.call("BILL_PAYMENT", payment, msgId)
                .responseCode()).as("a retry gets the final answer").isEqualTo("91"));
        TrxInfo inquiry = wallet.call("TRX_RESULT_INQUIRY", Wallet.resultInquiry(card, msgId, "BILL_PAYMENT"))
                .trxInfo();
        assertThat(inquiry.string("paymentStatus")).isEqualTo("DECLINED");
        assertThat(inquiry.string("rejectionReason")).startsWith("91 ");
        assertThat(ledger.postingCount(trxId)).isZero();
        assertThat(ledger.movementState(trxId)).as("refused should it ever arrive").contains("TOMBSTONE");
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR);
    }

    // ---- a CBS that cannot be reached or is saturated: nothing sent, nothing debited

    @Test
    void anOpenCircuitIs91AndNothingReachesTheCbs() throws Exception {
        Card card = wallet.enrolSeeded();
        faults.add(FaultRule.drop("ACCOUNT_BALANCE_INQUIRY", false));
        // connections lost one after another open the circuit; from then on the simulator sees no more calls
        boolean open = false;
        for (int i = 0; i < 100 && !open; i++) {
            long picked = faults.picked();
            assertThat(wallet.call("CARD_BALANCE_INQUIRY", Wallet.balance(card)).responseCode()).isEqualTo("91");
            open = faults.picked() == picked;
        }
        assertThat(open).as("the circuit opened").isTrue();
        faults.clear();

        int movements = ledger.movementCount();
        String msgId = wallet.newMsgId();
        assertThat(wallet.call("BILL_PAYMENT", Wallet.billPayment(card, "10.00"), msgId).responseCode())
                .isEqualTo("91");
        assertThat(ledger.movementCount()).as("the CBS never heard of it").isEqualTo(movements);
        assertThat(ledger.balanceMinor(card.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR);
        assertThat(wallet.call("TRX_RESULT_INQUIRY", Wallet.resultInquiry(card, msgId, "BILL_PAYMENT")).trxInfo()
                .string("paymentStatus")).isEqualTo("DECLINED");

        // once the circuit's open time has passed, the next call probes and closes it
        sw.clock.advance(Duration.ofSeconds(6));
        await().atMost(ASYNC_WAIT).until(() -> "00".equals(wallet.call("CARD_BALANCE_INQUIRY",
                Wallet.balance(card)).responseCode()));
    }

    @Test
    void aFullQueueIs92AndADeadlinePassedInTheQueueIs98WithNothingDebited() throws Exception {
        Card holder = wallet.enrolSeeded();
        Card queued = wallet.enrolSeeded();
        Card turnedAway = wallet.enrolSeeded();
        // a warm path: what follows must fit in the slow call's time
        assertThat(wallet.call("BILL_PAYMENT", Wallet.billPayment(turnedAway, "1.00")).responseCode()).isEqualTo("00");
        // the link's only connection is busy with a slow balance inquiry...
        faults.add(FaultRule.delay("ACCOUNT_BALANCE_INQUIRY", CALL_TIMEOUT.toMillis() - 300, true));
        CompletableFuture<SignedExchange> slow = sw.client.call("CARD_BALANCE_INQUIRY", Wallet.balance(holder));
        await().atMost(ASYNC_WAIT).pollInterval(FAST_POLL).until(() -> link().inFlight() == 1);
        // ...a payment takes the only queue slot...
        String queuedMsgId = wallet.newMsgId();
        CompletableFuture<SignedExchange> waiting = sw.client.call("BILL_PAYMENT",
                Wallet.billPayment(queued, "10.00"), queuedMsgId);
        await().atMost(ASYNC_WAIT).pollInterval(FAST_POLL).until(() -> link().queued() == 1);
        // ...so the next one is refused at once
        String fullMsgId = wallet.newMsgId();
        assertThat(wallet.call("BILL_PAYMENT", Wallet.billPayment(turnedAway, "10.00"), fullMsgId).responseCode())
                .as("queue full").isEqualTo("92");
        // the queued payment's deadline passes (switch time) before the connection is free: when the slow call ends,
        // the payment is not sent. All of this must happen before the slow call ends, or the payment goes.
        sw.clock.advance(CALL_TIMEOUT.plusSeconds(1));
        SignedExchange late = waiting.join();
        assertThat(late.signatureValid()).isTrue();
        assertThat(late.responseCode()).as("deadline passed in the queue").isEqualTo("98");
        assertThat(slow.join().responseCode()).isEqualTo("00");

        assertThat(ledger.movementState(sw.trxIdOf(queuedMsgId))).as("never sent").isEmpty();
        assertThat(ledger.movementState(sw.trxIdOf(fullMsgId))).as("never sent").isEmpty();
        assertThat(ledger.balanceMinor(queued.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR);
        assertThat(ledger.balanceMinor(turnedAway.accountNo())).isEqualTo(SeededAccounts.SEED_BALANCE_MINOR - 100);
    }

    // ---- helpers

    private LinkStats link() {
        return sw.server.cbsLinks().stats().get(RunningSwitch.ISSUER_IIN);
    }

    private ReceivedCallback notification(String token, String paymentStatus) {
        return await().atMost(ASYNC_WAIT).until(() -> sw.callbacks.received("TRX_RESULT_NOTIFICATION").stream()
                .filter(c -> token.equals(c.trxInfo().string("token"))
                        && paymentStatus.equals(c.trxInfo().string("paymentStatus")))
                .findFirst().orElse(null), c -> c != null);
    }
}
