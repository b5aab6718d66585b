package org.openscis.connector.sim.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.connector.sim.Messages.AGENT;
import static org.openscis.connector.sim.Messages.BILLER;
import static org.openscis.connector.sim.Messages.customer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openscis.connector.sim.Messages;

/** The same msgID again: the recorded response, never a second movement; another msgType: 94. */
class IdempotencyTest {

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
    void aRetriedDebitGetsTheSameAnswerAndMovesMoneyOnce() {
        String msgId = Messages.msgId();
        BankReply first = f.bank.handle(msgId, "DEBIT_TRANSACTION", Messages.debit(customer(80), BILLER, "10.00",
                "0.10"));
        BankReply again = f.bank.handle(msgId, "DEBIT_TRANSACTION", Messages.debit(customer(80), BILLER, "10.00",
                "0.10"));
        assertThat(again).isEqualTo(first);
        assertThat(f.ledger().postingCount(msgId)).isEqualTo(3);
        assertThat(f.ledger().balanceMinor(customer(80))).isEqualTo(100_000 - 1_010);
    }

    @Test
    void aRetriedDeclineStaysDeclinedEvenWhenItWouldNowPass() {
        String msgId = Messages.msgId();
        assertThat(f.bank.handle(msgId, "DEBIT_TRANSACTION", Messages.debit(customer(81), BILLER, "1500.00", "0"))
                .code()).isEqualTo("51");
        f.send("CREDIT_TRANSACTION", Messages.credit(customer(81), AGENT, "1000.00"));
        BankReply retry = f.bank.handle(msgId, "DEBIT_TRANSACTION", Messages.debit(customer(81), BILLER, "1500.00",
                "0"));
        assertThat(retry.code()).isEqualTo("51");
        assertThat(f.ledger().balanceMinor(customer(81))).isEqualTo(200_000);
    }

    @Test
    void theSameMsgIdWithAnotherTypeIs94AndChangesNothing() {
        String msgId = Messages.msgId();
        f.bank.handle(msgId, "DEBIT_TRANSACTION", Messages.debit(customer(82), BILLER, "1.00", "0"));
        BankReply other = f.bank.handle(msgId, "CREDIT_TRANSACTION", Messages.credit(customer(82), AGENT, "1.00"));
        assertThat(other.code()).isEqualTo("94");
        BankReply inquiry = f.bank.handle(msgId, "TRANSACTION_INQUIRY", Messages.inquiry(msgId, "DEBIT_TRANSACTION"));
        assertThat(inquiry.code()).as("even a read-only message").isEqualTo("94");
        assertThat(f.ledger().postingCount(msgId)).isEqualTo(2);
        assertThat(f.ledger().movementState(msgId)).hasValue("APPROVED");
        assertThat(f.ledger().balanceMinor(customer(82))).isEqualTo(99_900);
    }

    @Test
    void eachRecordedTypeReplaysItsAnswer() {
        String kyc = Messages.msgId();
        BankReply kycReply = f.bank.handle(kyc, "KYC_VERIFICATION", Messages.kyc("KYC-IDEM-1", "I1"));
        assertThat(f.bank.handle(kyc, "KYC_VERIFICATION", Messages.kyc("KYC-IDEM-1", "I1"))).isEqualTo(kycReply);

        String p2p = Messages.msgId();
        BankReply p2pReply = f.bank.handle(p2p, "P2P_TRANSFER", Messages.p2p(customer(83), customer(84), "3", "0"));
        assertThat(f.bank.handle(p2p, "P2P_TRANSFER", Messages.p2p(customer(83), customer(84), "3", "0")))
                .isEqualTo(p2pReply);
        assertThat(f.ledger().balanceMinor(customer(84))).isEqualTo(100_300);

        String credit = Messages.msgId();
        BankReply creditReply = f.bank.handle(credit, "CREDIT_TRANSACTION", Messages.credit(customer(85), AGENT, "7"));
        assertThat(f.bank.handle(credit, "CREDIT_TRANSACTION", Messages.credit(customer(85), AGENT, "7")))
                .isEqualTo(creditReply);
        assertThat(f.ledger().balanceMinor(customer(85))).isEqualTo(100_700);

        String token = "300000000000000001";
        String cashOut = Messages.msgId();
        String expiry = Messages.stamp(f.clock.instant().plusSeconds(600));
        BankReply cashOutReply = f.bank.handle(cashOut, "GET_CASH_OUT_TOKEN",
                Messages.cashOut(token, expiry, customer(86), "20"));
        assertThat(f.bank.handle(cashOut, "GET_CASH_OUT_TOKEN", Messages.cashOut(token, expiry, customer(86), "20")))
                .isEqualTo(cashOutReply);
        assertThat(cashOutReply.code()).isEqualTo("00");
        assertThat(f.ledger().availableMinor(customer(86))).isEqualTo(98_000);
    }
}
