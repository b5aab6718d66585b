package org.openscis.connector.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.openscis.connector.sim.Messages.BILLER;
import static org.openscis.connector.sim.Messages.customer;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.bank.AccountKind;

/**
 * Each fault action, with and without the message applied first: the cases a switch must resolve exactly once
 * (inquiry, reversal, retry with the same msgID).
 */
class FaultInjectionIT {

    private static final String DEBIT = "DEBIT_TRANSACTION";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static CbsSimulator sim;
    private static SimTestClient client;
    /** Gives up quickly, for answers that never come. */
    private static SimTestClient impatient;

    @BeforeAll
    static void start() throws Exception {
        sim = CbsSimulator.start(SimKeys.config(), Clock.systemUTC());
        client = new SimTestClient(sim.baseUrl(), Duration.ofSeconds(30));
        impatient = new SimTestClient(sim.baseUrl(), Duration.ofMillis(1500));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
        assertThat(sim.ledger().check().ok()).isTrue();
    }

    private static TrxInfo debit(int customer) {
        return Messages.debit(customer(customer), BILLER, "10.00", "0");
    }

    private static String inquire(String msgId) throws Exception {
        SimTestClient.Reply reply = client.send("TRANSACTION_INQUIRY", Messages.msgId(),
                Messages.inquiry(msgId, DEBIT));
        return reply.code().equals("00") ? reply.plainTrxInfo().string("paymentStatus") : reply.code();
    }

    @Test
    void respondAnswersTheCodeWithoutAnyEffect() throws Exception {
        sim.faults().add(FaultRule.respond(DEBIT, "91").times(1));
        String msgId = Messages.msgId();
        SimTestClient.Reply faulted = client.send(DEBIT, msgId, debit(130));
        assertThat(faulted.code()).isEqualTo("91");
        assertThat(faulted.signed()).isTrue();
        assertThat(faulted.envelope().msgInfo().msgID()).isEqualTo(msgId);
        assertThat(sim.ledger().movementState(msgId)).isEmpty();
        assertThat(sim.ledger().balanceMinor(customer(130))).isEqualTo(100_000);
        assertThat(client.send(DEBIT, msgId, debit(130)).code()).as("the rule is spent").isEqualTo("00");
        assertThat(sim.ledger().balanceMinor(customer(130))).isEqualTo(99_000);
    }

    @Test
    void rulesApplyOnlyToTheirMessageType() throws Exception {
        sim.faults().add(FaultRule.respond("REVERSAL", "96"));
        assertThat(client.send(DEBIT, Messages.msgId(), debit(131)).code()).isEqualTo("00");
        assertThat(client.send("REVERSAL", Messages.msgId(), Messages.reversal(Messages.msgId(), DEBIT, "1"))
                .code()).isEqualTo("96");
    }

    @Test
    void delayAfterProcessingAnswersLate() throws Exception {
        sim.faults().add(FaultRule.delay(DEBIT, 700, true));
        String msgId = Messages.msgId();
        long start = System.nanoTime();
        SimTestClient.Reply reply = client.send(DEBIT, msgId, debit(132));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(reply.code()).isEqualTo("00");
        assertThat(sim.ledger().postingCount(msgId)).isEqualTo(2);
    }

    @Test
    void delayBeforeProcessingAppliesTheMessageOnlyAfterTheDelay() throws Exception {
        sim.faults().add(FaultRule.delay(DEBIT, 3_000, false).times(1));
        String msgId = Messages.msgId();
        long picked = sim.faults().picked();
        CompletableFuture<SimTestClient.Reply> reply = CompletableFuture.supplyAsync(() -> {
            try {
                return client.send(DEBIT, msgId, debit(133));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(PATIENCE).until(() -> sim.faults().picked() > picked);
        assertThat(sim.ledger().movementState(msgId)).as("not processed yet").isEmpty();
        assertThat(reply.get().code()).isEqualTo("00");
        assertThat(sim.ledger().movementState(msgId)).hasValue("APPROVED");
    }

    @Test
    void noAnswerAfterProcessingThenTheRetryGetsTheRecordedAnswer() throws Exception {
        sim.faults().add(FaultRule.noAnswer(DEBIT, true).times(1));
        String msgId = Messages.msgId();
        assertThatThrownBy(() -> impatient.send(DEBIT, msgId, debit(134))).isInstanceOf(HttpTimeoutException.class);
        await().atMost(PATIENCE).until(() -> sim.ledger().movementState(msgId).isPresent());
        assertThat(sim.ledger().movementState(msgId)).hasValue("APPROVED");
        assertThat(inquire(msgId)).isEqualTo("APPROVED");

        SimTestClient.Reply retry = client.send(DEBIT, msgId, debit(134));
        assertThat(retry.code()).isEqualTo("00");
        assertThat(sim.ledger().postingCount(msgId)).isEqualTo(2);
        assertThat(sim.ledger().balanceMinor(customer(134))).isEqualTo(99_000);
    }

    @Test
    void noAnswerBeforeProcessingLeavesNothingAndTheRetryAppliesIt() throws Exception {
        sim.faults().add(FaultRule.noAnswer(DEBIT, false).times(1));
        String msgId = Messages.msgId();
        assertThatThrownBy(() -> impatient.send(DEBIT, msgId, debit(135))).isInstanceOf(HttpTimeoutException.class);
        assertThat(sim.ledger().movementState(msgId)).isEmpty();
        assertThat(inquire(msgId)).isEqualTo("25");
        assertThat(client.send(DEBIT, msgId, debit(135)).code()).isEqualTo("00");
        assertThat(sim.ledger().balanceMinor(customer(135))).isEqualTo(99_000);
    }

    @Test
    void dropAfterProcessingLeavesTheMovementForTheInquiryToFind() throws Exception {
        sim.faults().add(FaultRule.drop(DEBIT, true).times(1));
        String msgId = Messages.msgId();
        assertThatThrownBy(() -> client.send(DEBIT, msgId, debit(136))).isInstanceOf(IOException.class);
        await().atMost(PATIENCE).until(() -> sim.ledger().movementState(msgId).isPresent());
        assertThat(inquire(msgId)).isEqualTo("APPROVED");
        assertThat(sim.ledger().balanceMinor(customer(136))).isEqualTo(99_000);

        SimTestClient.Reply reversal = client.send("REVERSAL", Messages.msgId(), Messages.reversal(msgId, DEBIT,
                "10.00"));
        assertThat(reversal.plainTrxInfo().string("reversalStatus")).isEqualTo("REVERSED");
        assertThat(sim.ledger().balanceMinor(customer(136))).isEqualTo(100_000);
    }

    @Test
    void dropBeforeProcessingThenReversalTombstonesTheOriginal() throws Exception {
        sim.faults().add(FaultRule.drop(DEBIT, false).times(1));
        String msgId = Messages.msgId();
        assertThatThrownBy(() -> client.send(DEBIT, msgId, debit(137))).isInstanceOf(IOException.class);
        assertThat(inquire(msgId)).isEqualTo("25");
        SimTestClient.Reply reversal = client.send("REVERSAL", Messages.msgId(), Messages.reversal(msgId, DEBIT,
                "10.00"));
        assertThat(reversal.plainTrxInfo().string("reversalStatus")).isEqualTo("NOTHING_TO_REVERSE");
        assertThat(client.send(DEBIT, msgId, debit(137)).code()).as("the late original").isEqualTo("12");
        assertThat(sim.ledger().balanceMinor(customer(137))).isEqualTo(100_000);
    }

    @Test
    void aHungConnectionDoesNotStopOthers() throws Exception {
        sim.faults().add(FaultRule.noAnswer("ACCOUNT_BALANCE_INQUIRY", false).times(1));
        CompletableFuture<Throwable> hung = CompletableFuture.supplyAsync(() -> {
            try {
                impatient.send("ACCOUNT_BALANCE_INQUIRY", Messages.msgId(), Messages.balance(customer(138)));
                return null;
            } catch (IOException | InterruptedException e) {
                return e;
            }
        });
        assertThat(client.send(DEBIT, Messages.msgId(), debit(138)).code()).isEqualTo("00");
        assertThat(hung.get()).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void faultsFromTheConfigurationApplyFromTheStart() throws Exception {
        try (CbsSimulator faulty = CbsSimulator.start(SimKeys.config().withFaults(
                List.of(FaultRule.respond(null, "01"))), Clock.systemUTC())) {
            SimTestClient other = new SimTestClient(faulty.baseUrl(), Duration.ofSeconds(30));
            assertThat(other.send("KYC_VERIFICATION", Messages.msgId(), Messages.kyc("F1", "F1")).code())
                    .isEqualTo("01");
            assertThat(faulty.ledger().accountsOfKind(AccountKind.CUSTOMER))
                    .hasSize(500);
        }
    }
}
