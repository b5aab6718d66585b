package org.openscis.connector.sim.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.connector.sim.Messages.AGENT;
import static org.openscis.connector.sim.Messages.BILLER;
import static org.openscis.connector.sim.Messages.FEE;
import static org.openscis.connector.sim.Messages.customer;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.Messages;

/** REVERSAL (opposite postings, hold release, tombstones) and TRANSACTION_INQUIRY. */
class ReversalAndInquiryTest {

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

    private static BankReply reverse(String origMsgId, String origType) {
        return f.send("REVERSAL", Messages.reversal(origMsgId, origType, "1.00"));
    }

    private static BankReply inquire(String origMsgId) {
        return f.send("TRANSACTION_INQUIRY", Messages.inquiry(origMsgId, "DEBIT_TRANSACTION"));
    }

    @Test
    void reversingADebitPostsTheOppositePairAndRestoresEveryBalance() {
        long biller = f.ledger().balanceMinor(BILLER);
        long fee = f.ledger().balanceMinor(FEE);
        String debit = Messages.msgId();
        assertThat(f.bank.handle(debit, "DEBIT_TRANSACTION", Messages.debit(customer(70), BILLER, "40.00", "1.00"))
                .code()).isEqualTo("00");

        String reversal = Messages.msgId();
        BankReply reply = f.bank.handle(reversal, "REVERSAL", Messages.reversal(debit, "DEBIT_TRANSACTION", "40.00"));
        assertThat(reply.code()).isEqualTo("00");
        assertThat(reply.trxInfo().string("reversalStatus")).isEqualTo("REVERSED");
        assertThat(f.ledger().postingCount(debit)).as("the original postings stay").isEqualTo(3);
        assertThat(f.ledger().postingCount(reversal)).isEqualTo(3);
        assertThat(f.ledger().balanceMinor(customer(70))).isEqualTo(100_000);
        assertThat(f.ledger().balanceMinor(BILLER)).isEqualTo(biller);
        assertThat(f.ledger().balanceMinor(FEE)).isEqualTo(fee);
        assertThat(f.ledger().movementState(debit)).hasValue("REVERSED");

        BankReply status = inquire(debit);
        assertThat(status.code()).isEqualTo("00");
        assertThat(status.trxInfo().string("paymentStatus")).isEqualTo("REVERSED");
        assertThat(status.trxInfo().string("origRespCode")).isEqualTo("00");

        assertThat(f.bank.handle(reversal, "REVERSAL", Messages.reversal(debit, "DEBIT_TRANSACTION", "40.00")))
                .as("the same reversal again").isEqualTo(reply);
        BankReply second = reverse(debit, "DEBIT_TRANSACTION");
        assertThat(second.trxInfo().string("reversalStatus")).as("another reversal of it").isEqualTo("REVERSED");
        assertThat(f.ledger().balanceMinor(customer(70))).isEqualTo(100_000);
    }

    @Test
    void reversingAnUnknownMessageLeavesATombstoneThatRefusesTheLateOriginal() {
        String lost = Messages.msgId();
        BankReply reply = reverse(lost, "DEBIT_TRANSACTION");
        assertThat(reply.code()).isEqualTo("00");
        assertThat(reply.trxInfo().string("reversalStatus")).isEqualTo("NOTHING_TO_REVERSE");
        assertThat(f.ledger().movementState(lost)).hasValue("TOMBSTONE");
        assertThat(inquire(lost).code()).as("the CBS never processed it").isEqualTo("25");

        BankReply late = f.bank.handle(lost, "DEBIT_TRANSACTION", Messages.debit(customer(71), BILLER, "5.00", "0"));
        assertThat(late.code()).isEqualTo("12");
        assertThat(f.ledger().postingCount(lost)).isZero();
        assertThat(f.ledger().balanceMinor(customer(71))).isEqualTo(100_000);
        assertThat(reverse(lost, "DEBIT_TRANSACTION").trxInfo().string("reversalStatus"))
                .isEqualTo("NOTHING_TO_REVERSE");
        assertThat(f.ledger().movementState(lost)).hasValue("TOMBSTONE");
    }

    @Test
    void reversingADeclinedMessageChangesNothing() {
        String declined = Messages.msgId();
        assertThat(f.bank.handle(declined, "DEBIT_TRANSACTION", Messages.debit(customer(72), BILLER, "2000.00", "0"))
                .code()).isEqualTo("51");
        BankReply status = inquire(declined);
        assertThat(status.trxInfo().string("paymentStatus")).isEqualTo("DECLINED");
        assertThat(status.trxInfo().string("origRespCode")).isEqualTo("51");
        BankReply reply = reverse(declined, "DEBIT_TRANSACTION");
        assertThat(reply.trxInfo().string("reversalStatus")).isEqualTo("NOTHING_TO_REVERSE");
        assertThat(f.ledger().movementState(declined)).hasValue("DECLINED");
    }

    @Test
    void reversingACashOutTokenReleasesItsHold() {
        String token = "200000000000000001";
        String msgId = Messages.msgId();
        f.bank.handle(msgId, "GET_CASH_OUT_TOKEN", Messages.cashOut(token,
                Messages.stamp(f.clock.instant().plus(Duration.ofMinutes(10))), customer(73), "50.00"));
        assertThat(f.ledger().availableMinor(customer(73))).isEqualTo(95_000);
        assertThat(reverse(msgId, "GET_CASH_OUT_TOKEN").trxInfo().string("reversalStatus")).isEqualTo("REVERSED");
        assertThat(f.ledger().availableMinor(customer(73))).isEqualTo(100_000);
        assertThat(f.ledger().holdState(token)).hasValue("RELEASED");
        assertThat(f.bank.withdraw(token, AGENT)).isEqualTo(WithdrawalResult.RELEASED);
    }

    @Test
    void cashAlreadyWithdrawnCannotBeReversed() {
        String token = "200000000000000002";
        String msgId = Messages.msgId();
        f.bank.handle(msgId, "GET_CASH_OUT_TOKEN", Messages.cashOut(token,
                Messages.stamp(f.clock.instant().plus(Duration.ofMinutes(10))), customer(74), "50.00"));
        assertThat(f.bank.withdraw(token, AGENT)).isEqualTo(WithdrawalResult.WITHDRAWN);
        assertThat(reverse(msgId, "GET_CASH_OUT_TOKEN").code()).isEqualTo("12");
        assertThat(f.ledger().movementState(msgId)).hasValue("APPROVED");
        assertThat(f.ledger().balanceMinor(customer(74))).isEqualTo(95_000);
    }

    @Test
    void reversingACreditWhoseMoneyWasSpentIsRefused() {
        String credit = Messages.msgId();
        f.bank.handle(credit, "CREDIT_TRANSACTION", Messages.credit(customer(75), AGENT, "100.00"));
        assertThat(f.send("DEBIT_TRANSACTION", Messages.debit(customer(75), BILLER, "1050.00", "0")).code())
                .isEqualTo("00");
        assertThat(reverse(credit, "CREDIT_TRANSACTION").code()).isEqualTo("51");
        assertThat(f.ledger().movementState(credit)).hasValue("APPROVED");
        assertThat(f.ledger().balanceMinor(customer(75))).isEqualTo(5_000);
    }

    @Test
    void reversingAP2pTransferAndACredit() {
        String p2p = Messages.msgId();
        f.bank.handle(p2p, "P2P_TRANSFER", Messages.p2p(customer(76), customer(77), "10.00", "0.50"));
        assertThat(reverse(p2p, "P2P_TRANSFER").trxInfo().string("reversalStatus")).isEqualTo("REVERSED");
        assertThat(f.ledger().balanceMinor(customer(76))).isEqualTo(100_000);
        assertThat(f.ledger().balanceMinor(customer(77))).isEqualTo(100_000);

        long agent = f.ledger().balanceMinor(AGENT);
        String credit = Messages.msgId();
        f.bank.handle(credit, "CREDIT_TRANSACTION", Messages.credit(customer(78), AGENT, "10.00"));
        assertThat(reverse(credit, "CREDIT_TRANSACTION").code()).isEqualTo("00");
        assertThat(f.ledger().balanceMinor(AGENT)).isEqualTo(agent);
    }

    @Test
    void onlyMoneyMovementsCanBeReversed() {
        String kyc = Messages.msgId();
        f.bank.handle(kyc, "KYC_VERIFICATION", Messages.kyc("KYC-REV-1", "X1"));
        assertThat(reverse(kyc, "KYC_VERIFICATION").code()).isEqualTo("12");
        String reversal = Messages.msgId();
        assertThat(f.bank.handle(reversal, "REVERSAL", Messages.reversal(reversal, "REVERSAL", "1.00")).code())
                .as("a reversal of itself").isEqualTo("12");
        assertThat(f.send("REVERSAL", Messages.obj("origMsgType", "DEBIT_TRANSACTION")).code()).isEqualTo("30");
    }

    @Test
    void inquiryReportsApprovedAndUnknown() {
        String debit = Messages.msgId();
        f.bank.handle(debit, "DEBIT_TRANSACTION", Messages.debit(customer(79), BILLER, "1.00", "0"));
        BankReply status = inquire(debit);
        assertThat(status.code()).isEqualTo("00");
        assertThat(status.trxInfo().string("paymentStatus")).isEqualTo("APPROVED");
        assertThat(status.trxInfo().string("origRespCode")).isEqualTo("00");

        assertThat(inquire(Messages.msgId()).code()).isEqualTo("25");
        assertThat(f.send("TRANSACTION_INQUIRY", TrxInfo.EMPTY).code()).isEqualTo("30");
        String inquiry = Messages.msgId();
        f.bank.handle(inquiry, "TRANSACTION_INQUIRY", Messages.inquiry(debit, "DEBIT_TRANSACTION"));
        assertThat(f.ledger().movementState(inquiry)).as("inquiries are not recorded").isEmpty();
    }
}
