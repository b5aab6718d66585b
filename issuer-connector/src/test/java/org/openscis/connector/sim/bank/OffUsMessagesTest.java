package org.openscis.connector.sim.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.connector.sim.Messages.FEE;
import static org.openscis.connector.sim.Messages.SETTLEMENT;
import static org.openscis.connector.sim.Messages.customer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.Messages;

/** onUsFlag N: QR payments to another acquirer's merchant and their refunds go through the settlement account. */
class OffUsMessagesTest {

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
    void theSeedHasAClearingSettlementAccountInHkd() {
        AccountView settlement = f.ledger().account(SETTLEMENT).orElseThrow();
        assertThat(settlement.kind()).isEqualTo(AccountKind.CLEARING);
        assertThat(settlement.currency()).isEqualTo("344");
    }

    @Test
    void anOffUsDebitPaysTheSettlementAccountAndTheFeeAccountWithoutLookingUpTheMid() {
        long settlement = f.ledger().balanceMinor(SETTLEMENT);
        long fee = f.ledger().balanceMinor(FEE);
        String msgId = Messages.msgId();
        BankReply reply = f.bank.handle(msgId, "DEBIT_TRANSACTION", Messages.offUsDebit(customer(200), "25.00",
                "0.50"));
        assertThat(reply.code()).isEqualTo("00");
        assertThat(f.ledger().balanceMinor(customer(200))).isEqualTo(100_000 - 2_550);
        assertThat(f.ledger().balanceMinor(SETTLEMENT)).isEqualTo(settlement + 2_500);
        assertThat(f.ledger().balanceMinor(FEE)).isEqualTo(fee + 50);
        assertThat(f.ledger().postingCount(msgId)).isEqualTo(3);
    }

    @Test
    void aRetriedOffUsDebitMovesMoneyOnce() {
        long settlement = f.ledger().balanceMinor(SETTLEMENT);
        String msgId = Messages.msgId();
        BankReply first = f.bank.handle(msgId, "DEBIT_TRANSACTION", Messages.offUsDebit(customer(201), "10.00", "0"));
        BankReply again = f.bank.handle(msgId, "DEBIT_TRANSACTION", Messages.offUsDebit(customer(201), "10.00", "0"));
        assertThat(again).isEqualTo(first);
        assertThat(first.code()).isEqualTo("00");
        assertThat(f.ledger().balanceMinor(customer(201))).isEqualTo(99_000);
        assertThat(f.ledger().balanceMinor(SETTLEMENT)).isEqualTo(settlement + 1_000);
        assertThat(f.ledger().postingCount(msgId)).isEqualTo(2);
    }

    @Test
    void offUsDebitRefusals() {
        assertThat(f.send("DEBIT_TRANSACTION", Messages.offUsDebit(customer(202), "1000.01", "0")).code())
                .as("over the balance").isEqualTo("51");
        assertThat(f.send("DEBIT_TRANSACTION", Messages.offUsDebit("999999999999", "1.00", "0")).code())
                .as("unknown account").isEqualTo("14");
        TrxInfo usd = Messages.offUsDebit(customer(202), "1.00", "0").toBuilder().put("trxCurrency", "840").build();
        assertThat(f.send("DEBIT_TRANSACTION", usd).code()).as("not the account's currency").isEqualTo("13");
        TrxInfo badFlag = Messages.offUsDebit(customer(202), "1.00", "0").toBuilder().put("onUsFlag", "X").build();
        assertThat(f.send("DEBIT_TRANSACTION", badFlag).code()).isEqualTo("30");
        assertThat(f.ledger().balanceMinor(customer(202))).isEqualTo(100_000);
    }

    @Test
    void anOffUsDebitCanBeReversed() {
        long settlement = f.ledger().balanceMinor(SETTLEMENT);
        String msgId = Messages.msgId();
        assertThat(f.bank.handle(msgId, "DEBIT_TRANSACTION", Messages.offUsDebit(customer(203), "7.00", "0.10"))
                .code()).isEqualTo("00");
        BankReply reversal = f.send("REVERSAL", Messages.reversal(msgId, "DEBIT_TRANSACTION", "7.00"));
        assertThat(reversal.trxInfo().string("reversalStatus")).isEqualTo("REVERSED");
        assertThat(f.ledger().balanceMinor(customer(203))).isEqualTo(100_000);
        assertThat(f.ledger().balanceMinor(SETTLEMENT)).isEqualTo(settlement);
    }

    @Test
    void anOffUsCreditTakesFromTheSettlementAccountEvenBelowZero() {
        long settlement = f.ledger().balanceMinor(SETTLEMENT);
        String msgId = Messages.msgId();
        BankReply reply = f.bank.handle(msgId, "CREDIT_TRANSACTION", Messages.offUsCredit(customer(204), "5000.00",
                Messages.msgId()));
        assertThat(reply.code()).isEqualTo("00");
        assertThat(f.ledger().balanceMinor(customer(204))).isEqualTo(100_000 + 500_000);
        assertThat(f.ledger().balanceMinor(SETTLEMENT)).isEqualTo(settlement - 500_000);
        BankReply again = f.bank.handle(msgId, "CREDIT_TRANSACTION", Messages.offUsCredit(customer(204), "5000.00",
                Messages.msgId()));
        assertThat(again).isEqualTo(reply);
        assertThat(f.ledger().balanceMinor(customer(204))).isEqualTo(600_000);
        assertThat(f.ledger().postingCount(msgId)).isEqualTo(2);
    }

    @Test
    void offUsCreditRefusals() {
        assertThat(f.send("CREDIT_TRANSACTION", Messages.offUsCredit("888888888888", "1.00", Messages.msgId()))
                .code()).isEqualTo("14");
        TrxInfo badFlag = Messages.offUsCredit(customer(205), "1.00", Messages.msgId()).toBuilder()
                .put("onUsFlag", "maybe").build();
        assertThat(f.send("CREDIT_TRANSACTION", badFlag).code()).isEqualTo("30");
        assertThat(f.ledger().balanceMinor(customer(205))).isEqualTo(100_000);
    }

    @Test
    void aCurrencyWithoutASettlementAccountAnswers91(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.json");
        Files.writeString(seed, """
                {"products":[{"insPrd":"2001","currency":"840","openingBalance":"5.00"}],
                 "internalAccounts":[{"accountNo":"FUNDING-840","kind":"FUNDING","currency":"840"},
                                     {"accountNo":"FEE-840","kind":"FEE","currency":"840"}],
                 "customers":[{"accountNo":"555000000001","currency":"840","balance":"20.00","lastName":"Lee"}]}
                """, StandardCharsets.UTF_8);
        try (Bank bank = Bank.open("jdbc:h2:mem:offus-" + UUID.randomUUID(), seed, Clock.systemUTC(), 2)) {
            TrxInfo debit = Messages.offUsDebit("555000000001", "1.00", "0").toBuilder().put("trxCurrency", "840")
                    .build();
            assertThat(bank.handle(Messages.msgId(), "DEBIT_TRANSACTION", debit).code()).isEqualTo("91");
            TrxInfo credit = Messages.offUsCredit("555000000001", "1.00", Messages.msgId()).toBuilder()
                    .put("trxCurrency", "840").build();
            assertThat(bank.handle(Messages.msgId(), "CREDIT_TRANSACTION", credit).code()).isEqualTo("91");
            assertThat(bank.ledger().balanceMinor("555000000001")).isEqualTo(2_000);
        }
    }
}
