package org.openscis.connector.sim.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.connector.sim.Messages.AGENT;
import static org.openscis.connector.sim.Messages.BILLER;
import static org.openscis.connector.sim.Messages.FEE;
import static org.openscis.connector.sim.Messages.customer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.Currency;
import org.openscis.connector.sim.Messages;

/** DEBIT_TRANSACTION, CREDIT_TRANSACTION and P2P_TRANSFER: postings, balances and every refusal code. */
class PaymentMessagesTest {

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
    void debitMovesAmountToTheMerchantAndFeeToTheFeeAccount() {
        long biller = f.ledger().balanceMinor(BILLER);
        long fee = f.ledger().balanceMinor(FEE);
        String msgId = Messages.msgId();
        BankReply reply = f.bank.handle(msgId, "DEBIT_TRANSACTION", Messages.debit(customer(30), BILLER, "12.34",
                "1.50"));

        assertThat(reply.code()).isEqualTo("00");
        assertThat(reply.message()).isEqualTo("Approved");
        assertThat(f.ledger().balanceMinor(customer(30))).isEqualTo(100_000 - 1_234 - 150);
        assertThat(f.ledger().balanceMinor(BILLER)).isEqualTo(biller + 1_234);
        assertThat(f.ledger().balanceMinor(FEE)).isEqualTo(fee + 150);
        assertThat(f.ledger().postingCount(msgId)).isEqualTo(3);
        assertThat(f.ledger().movementState(msgId)).hasValue("APPROVED");
    }

    @Test
    void debitWithoutFeeMakesTwoPostings() {
        String msgId = Messages.msgId();
        assertThat(f.bank.handle(msgId, "DEBIT_TRANSACTION", Messages.debit(customer(31), BILLER, "5", "0")).code())
                .isEqualTo("00");
        assertThat(f.ledger().postingCount(msgId)).isEqualTo(2);
        assertThat(f.ledger().balanceMinor(customer(31))).isEqualTo(99_500);
    }

    @Test
    void debitRefusals() {
        assertThat(f.send("DEBIT_TRANSACTION", Messages.debit("999999999999", BILLER, "1.00", "0")).code())
                .as("unknown account").isEqualTo("14");
        assertThat(f.send("DEBIT_TRANSACTION", Messages.debit(BILLER, BILLER, "1.00", "0")).code())
                .as("a merchant is no customer account").isEqualTo("14");
        assertThat(f.send("DEBIT_TRANSACTION", Messages.debit(customer(32), "NOSUCHMID000001", "1.00", "0")).code())
                .as("unknown mid").isEqualTo("03");
        assertThat(f.send("DEBIT_TRANSACTION", Messages.debit(customer(32), BILLER, "1000.00", "0.01")).code())
                .as("amount plus fee over the balance").isEqualTo("51");
        assertThat(f.send("DEBIT_TRANSACTION", Messages.debit(customer(32), BILLER, "0.00", "0")).code())
                .as("zero amount").isEqualTo("13");
        assertThat(f.send("DEBIT_TRANSACTION", Messages.debit(customer(32), BILLER, "1.001", "0")).code())
                .as("too many decimals").isEqualTo("13");
        TrxInfo usd = Messages.debit(customer(32), BILLER, "1.00", "0").toBuilder().put("trxCurrency", "840").build();
        assertThat(f.send("DEBIT_TRANSACTION", usd).code()).as("not the account's currency").isEqualTo("13");
        TrxInfo unknownCurrency = Messages.debit(customer(32), BILLER, "1.00", "0").toBuilder()
                .put("trxCurrency", "999").build();
        assertThat(f.send("DEBIT_TRANSACTION", unknownCurrency).code()).isEqualTo("30");
        TrxInfo noAccount = Messages.debit(customer(32), BILLER, "1.00", "0").toBuilder()
                .remove("debitAccountInfo").build();
        assertThat(f.send("DEBIT_TRANSACTION", noAccount).code()).isEqualTo("30");
        TrxInfo noMerchant = Messages.debit(customer(32), BILLER, "1.00", "0").toBuilder()
                .remove("merchantInfo").build();
        assertThat(f.send("DEBIT_TRANSACTION", noMerchant).code()).isEqualTo("30");
        assertThat(f.ledger().balanceMinor(customer(32))).as("no refusal moved money").isEqualTo(100_000);
    }

    @Test
    void debitOfTheWholeBalanceLeavesZeroAndTheNextCentIsRefused() {
        assertThat(f.send("DEBIT_TRANSACTION", Messages.debit(customer(33), BILLER, "999.00", "1.00")).code())
                .isEqualTo("00");
        assertThat(f.ledger().balanceMinor(customer(33))).isZero();
        assertThat(f.send("DEBIT_TRANSACTION", Messages.debit(customer(33), BILLER, "0.01", "0")).code())
                .isEqualTo("51");
    }

    @Test
    void creditTakesFromTheAgentAndGivesToTheCustomer() {
        long agent = f.ledger().balanceMinor(AGENT);
        String msgId = Messages.msgId();
        assertThat(f.bank.handle(msgId, "CREDIT_TRANSACTION", Messages.credit(customer(40), AGENT, "250.00"))
                .code()).isEqualTo("00");
        assertThat(f.ledger().balanceMinor(customer(40))).isEqualTo(125_000);
        assertThat(f.ledger().balanceMinor(AGENT)).isEqualTo(agent - 25_000);
        assertThat(f.ledger().postingCount(msgId)).isEqualTo(2);
    }

    @Test
    void creditRefusals() {
        assertThat(f.send("CREDIT_TRANSACTION", Messages.credit("888888888888", AGENT, "1.00")).code())
                .isEqualTo("14");
        assertThat(f.send("CREDIT_TRANSACTION", Messages.credit(customer(41), "UNKNOWNAGENT001", "1.00")).code())
                .isEqualTo("03");
        String emptyBiller = "BILLER000000001";
        long billerFloat = f.ledger().balanceMinor(emptyBiller);
        String tooMuch = new Amount(billerFloat + 1, Currency.byNumeric("344").orElseThrow()).toWire();
        assertThat(f.send("CREDIT_TRANSACTION", Messages.credit(customer(41), emptyBiller, tooMuch)).code())
                .as("the merchant's float is exhausted").isEqualTo("51");
        TrxInfo usd = Messages.credit(customer(41), AGENT, "1.00").toBuilder().put("trxCurrency", "840").build();
        assertThat(f.send("CREDIT_TRANSACTION", usd).code()).isEqualTo("13");
        assertThat(f.send("CREDIT_TRANSACTION", Messages.credit(customer(41), AGENT, "-1.00")).code())
                .isEqualTo("13");
        assertThat(f.ledger().balanceMinor(customer(41))).isEqualTo(100_000);
    }

    @Test
    void p2pIsOneAtomicTransferWithTheFeeToTheFeeAccount() {
        String msgId = Messages.msgId();
        BankReply reply = f.bank.handle(msgId, "P2P_TRANSFER", Messages.p2p(customer(50), customer(51), "100.00",
                "2.00"));
        assertThat(reply.code()).isEqualTo("00");
        assertThat(f.ledger().balanceMinor(customer(50))).isEqualTo(100_000 - 10_200);
        assertThat(f.ledger().balanceMinor(customer(51))).isEqualTo(110_000);
        assertThat(f.ledger().postingCount(msgId)).isEqualTo(3);

        String noFee = Messages.msgId();
        assertThat(f.bank.handle(noFee, "P2P_TRANSFER", Messages.p2p(customer(51), customer(50), "10", "0")).code())
                .isEqualTo("00");
        assertThat(f.ledger().postingCount(noFee)).as("two postings without a fee").isEqualTo(2);
    }

    @Test
    void p2pRefusals() {
        assertThat(f.send("P2P_TRANSFER", Messages.p2p(customer(52), customer(52), "1.00", "0")).code())
                .as("payer = payee").isEqualTo("12");
        assertThat(f.send("P2P_TRANSFER", Messages.p2p("777777777777", customer(52), "1.00", "0")).code())
                .as("unknown payer").isEqualTo("14");
        assertThat(f.send("P2P_TRANSFER", Messages.p2p(customer(52), "777777777777", "1.00", "0")).code())
                .as("unknown payee").isEqualTo("14");
        assertThat(f.send("P2P_TRANSFER", Messages.p2p(customer(52), AGENT, "1.00", "0")).code())
                .as("a merchant is no payee").isEqualTo("14");
        assertThat(f.send("P2P_TRANSFER", Messages.p2p(customer(52), customer(53), "1000.01", "0")).code())
                .isEqualTo("51");
        TrxInfo usd = Messages.p2p(customer(52), customer(53), "1.00", "0").toBuilder()
                .put("trxCurrency", "840").build();
        assertThat(f.send("P2P_TRANSFER", usd).code()).isEqualTo("13");
        TrxInfo noPayee = Messages.p2p(customer(52), customer(53), "1.00", "0").toBuilder()
                .remove("creditAccountInfo").build();
        assertThat(f.send("P2P_TRANSFER", noPayee).code()).isEqualTo("30");
        assertThat(f.ledger().balanceMinor(customer(52))).isEqualTo(100_000);
        assertThat(f.ledger().balanceMinor(customer(53))).isEqualTo(100_000);
    }
}
