package org.openscis.connector.sim.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.connector.sim.Messages.BILLER;
import static org.openscis.connector.sim.Messages.customer;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openscis.connector.sim.Messages;
import org.openscis.testing.Race;

/** Many messages at once: no overdraft, no double application, and the ledger stays balanced with total 0. */
class LedgerConcurrencyTest {

    private static final int THREADS = 16;
    private static BankFixture f;

    @BeforeAll
    static void open() {
        f = new BankFixture();
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @AfterEach
    void ledgerStaysSound() {
        f.assertSound();
    }

    @Test
    void parallelDebitsOnOneAccountNeverOverdrawIt() throws Exception {
        List<String> codes = Race.run(THREADS * 2, i -> f.send("DEBIT_TRANSACTION",
                Messages.debit(customer(90), BILLER, "90.00", "10.00")).code());
        assertThat(codes).filteredOn("00"::equals).hasSize(10);
        assertThat(codes).filteredOn("51"::equals).hasSize(THREADS * 2 - 10);
        assertThat(f.ledger().balanceMinor(customer(90))).isZero();
    }

    @Test
    void crossingTransfersDoNotDeadlockOrLoseMoney() throws Exception {
        List<String> codes = Race.run(THREADS, i -> f.send("P2P_TRANSFER", i % 2 == 0
                ? Messages.p2p(customer(91), customer(92), "10.00", "0")
                : Messages.p2p(customer(92), customer(91), "10.00", "0")).code());
        assertThat(codes).containsOnly("00");
        assertThat(f.ledger().balanceMinor(customer(91)) + f.ledger().balanceMinor(customer(92))).isEqualTo(200_000);
    }

    @Test
    void theSameMsgIdSentConcurrentlyIsAppliedOnce() throws Exception {
        String msgId = Messages.msgId();
        List<BankReply> replies = Race.run(THREADS, i -> f.bank.handle(msgId, "DEBIT_TRANSACTION",
                Messages.debit(customer(93), BILLER, "25.00", "0")));
        assertThat(Set.copyOf(replies)).hasSize(1);
        assertThat(replies.get(0).code()).isEqualTo("00");
        assertThat(f.ledger().postingCount(msgId)).isEqualTo(2);
        assertThat(f.ledger().balanceMinor(customer(93))).isEqualTo(97_500);
    }

    @Test
    void anOriginalRacingItsReversalIsEitherUndoneOrNeverApplied() throws Exception {
        for (int round = 0; round < 8; round++) {
            String original = Messages.msgId();
            List<BankReply> replies = Race.run(2, i -> i == 0
                    ? f.bank.handle(original, "DEBIT_TRANSACTION", Messages.debit(customer(94), BILLER, "1.00", "0"))
                    : f.send("REVERSAL", Messages.reversal(original, "DEBIT_TRANSACTION", "1.00")));
            String state = f.ledger().movementState(original).orElseThrow();
            if (state.equals("TOMBSTONE")) {
                assertThat(replies.get(0).code()).as("the late original is refused").isEqualTo("12");
                assertThat(f.ledger().postingCount(original)).isZero();
            } else {
                assertThat(state).isEqualTo("REVERSED");
                assertThat(replies.get(0).code()).isEqualTo("00");
            }
            assertThat(replies.get(1).code()).isEqualTo("00");
            assertThat(f.ledger().balanceMinor(customer(94))).as("round %d", round).isEqualTo(100_000);
        }
    }

    @Test
    void parallelCashOutTokensNeverHoldMoreThanTheBalance() throws Exception {
        String expiry = Messages.stamp(f.clock.instant().plusSeconds(600));
        List<String> codes = Race.run(THREADS, i -> f.send("GET_CASH_OUT_TOKEN", Messages.cashOut(
                String.valueOf(400_000_000_000_000_000L + i), expiry, customer(95), "300.00")).code());
        assertThat(codes.stream().filter("00"::equals).count()).isEqualTo(3);
        assertThat(f.ledger().availableMinor(customer(95))).isEqualTo(10_000);
        assertThat(codes.stream().collect(Collectors.toSet())).containsOnly("00", "51");
    }
}
