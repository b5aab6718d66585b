package org.openscis.connector.sim.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.Messages;
import org.openscis.connector.sim.TestClock;

/** A bank on a fresh in-memory database with the built-in seed and a hand-moved clock. */
final class BankFixture implements AutoCloseable {

    final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    final Bank bank = Bank.open("jdbc:h2:mem:bank-test-" + UUID.randomUUID(), null, clock, 16);

    BankReply send(String msgType, TrxInfo trx) {
        return bank.handle(Messages.msgId(), msgType, trx);
    }

    Ledger ledger() {
        return bank.ledger();
    }

    /** Asserts every ledger invariant. */
    void assertSound() {
        LedgerCheck check = ledger().check();
        assertThat(check.ok()).as("ledger invariants %s", check).isTrue();
        assertThat(ledger().totalMinor()).isZero();
    }

    @Override
    public void close() {
        bank.close();
    }
}
