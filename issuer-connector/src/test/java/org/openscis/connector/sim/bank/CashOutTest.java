package org.openscis.connector.sim.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.connector.sim.Messages.AGENT;
import static org.openscis.connector.sim.Messages.BILLER;
import static org.openscis.connector.sim.Messages.customer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.Messages;

/** GET_CASH_OUT_TOKEN holds, withdrawals at an agent, and expiry (by moving the clock). */
class CashOutTest {

    private static final AtomicLong TOKENS = new AtomicLong(100_000_000_000_000_000L);

    private static BankFixture f;
    private static final List<Withdrawal> HEARD = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void open() {
        f = new BankFixture();
        f.bank.onWithdrawal(HEARD::add);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    @AfterEach
    void ledgerStaysSound() {
        f.assertSound();
    }

    /** What listeners heard about one token (tests share the bank and its listeners). */
    private static List<Withdrawal> heard(String token) {
        return HEARD.stream().filter(w -> w.trxToken().equals(token)).toList();
    }

    private String expiryIn(Duration d) {
        return Messages.stamp(f.clock.instant().plus(d));
    }

    private static String token() {
        return Long.toString(TOKENS.incrementAndGet());
    }

    @Test
    void aTokenHoldsTheAmountWithoutPostingAndIsWithdrawnAtAnAgent() {
        String token = token();
        String msgId = Messages.msgId();
        BankReply reply = f.bank.handle(msgId, "GET_CASH_OUT_TOKEN",
                Messages.cashOut(token, expiryIn(Duration.ofMinutes(30)), customer(60), "300.00"));
        assertThat(reply.code()).isEqualTo("00");
        assertThat(reply.trxInfo().string("trxToken")).isEqualTo(token);
        assertThat(f.ledger().postingCount(msgId)).as("a hold posts nothing").isZero();
        assertThat(f.ledger().balanceMinor(customer(60))).isEqualTo(100_000);
        assertThat(f.ledger().availableMinor(customer(60))).isEqualTo(70_000);
        assertThat(f.ledger().holdState(token)).hasValue("HELD");

        BankReply balance = f.send("ACCOUNT_BALANCE_INQUIRY", Messages.balance(customer(60)));
        assertThat(((TrxInfo) balance.trxInfo().list("balList").get(0)).string("balAmt")).isEqualTo("700.00");
        assertThat(((TrxInfo) balance.trxInfo().list("balList").get(1)).string("balAmt")).isEqualTo("1000.00");

        assertThat(f.send("DEBIT_TRANSACTION", Messages.debit(customer(60), BILLER, "700.01", "0")).code())
                .as("the hold is not available for payments").isEqualTo("51");

        long agent = f.ledger().balanceMinor(AGENT);
        assertThat(f.bank.withdraw(token, AGENT)).isEqualTo(WithdrawalResult.WITHDRAWN);
        assertThat(f.ledger().balanceMinor(customer(60))).isEqualTo(70_000);
        assertThat(f.ledger().availableMinor(customer(60))).isEqualTo(70_000);
        assertThat(f.ledger().balanceMinor(AGENT)).isEqualTo(agent + 30_000);
        assertThat(f.ledger().holdState(token)).hasValue("WITHDRAWN");
        assertThat(f.ledger().postingCount("W" + token)).isEqualTo(2);
        assertThat(heard(token)).singleElement().satisfies(w -> {
            assertThat(w.trxToken()).isEqualTo(token);
            assertThat(w.accountNo()).isEqualTo(customer(60));
            assertThat(w.agentMid()).isEqualTo(AGENT);
            assertThat(w.amountMinor()).isEqualTo(30_000);
            assertThat(w.amount().toWire()).isEqualTo("300.00");
            assertThat(w.currency()).isEqualTo("344");
            assertThat(w.time()).isEqualTo(f.clock.instant());
            assertThat(w.holdMsgId()).as("the GET_CASH_OUT_TOKEN that placed the hold").isEqualTo(msgId);
            assertThat(w.toString()).doesNotContain(token).doesNotContain(customer(60));
        });

        assertThat(f.bank.withdraw(token, AGENT)).isEqualTo(WithdrawalResult.ALREADY_WITHDRAWN);
        assertThat(WithdrawalResult.ALREADY_WITHDRAWN.responseCode()).isEqualTo("02");
        assertThat(heard(token)).hasSize(1);
    }

    @Test
    void anExpiredTokenStopsHoldingAndCannotBeWithdrawn() {
        String token = token();
        assertThat(f.send("GET_CASH_OUT_TOKEN", Messages.cashOut(token, expiryIn(Duration.ofMinutes(5)),
                customer(61), "100.00")).code()).isEqualTo("00");
        assertThat(f.ledger().availableMinor(customer(61))).isEqualTo(90_000);

        f.clock.advance(Duration.ofMinutes(5));
        assertThat(f.ledger().availableMinor(customer(61))).as("expired at tokenExpiry").isEqualTo(100_000);
        assertThat(f.ledger().holdState(token)).as("released lazily").hasValue("HELD");
        assertThat(f.bank.withdraw(token, AGENT)).isEqualTo(WithdrawalResult.EXPIRED);
        assertThat(WithdrawalResult.EXPIRED.responseCode()).isEqualTo("02");
        assertThat(f.ledger().holdState(token)).hasValue("RELEASED");
        assertThat(f.bank.withdraw(token, AGENT)).isEqualTo(WithdrawalResult.RELEASED);
        assertThat(f.ledger().balanceMinor(customer(61))).isEqualTo(100_000);
        assertThat(heard(token)).isEmpty();
    }

    @Test
    void theSweepReleasesExpiredHoldsOnly() {
        String shortLived = token();
        String longLived = token();
        f.send("GET_CASH_OUT_TOKEN", Messages.cashOut(shortLived, expiryIn(Duration.ofMinutes(1)), customer(62),
                "1.00"));
        f.send("GET_CASH_OUT_TOKEN", Messages.cashOut(longLived, expiryIn(Duration.ofHours(1)), customer(62),
                "2.00"));
        f.clock.advance(Duration.ofMinutes(2));
        assertThat(f.bank.sweepExpiredHolds()).isEqualTo(1);
        assertThat(f.ledger().holdState(shortLived)).hasValue("RELEASED");
        assertThat(f.ledger().holdState(longLived)).hasValue("HELD");
        assertThat(f.ledger().availableMinor(customer(62))).isEqualTo(99_800);
    }

    @Test
    void withdrawalRefusals() {
        assertThat(f.bank.withdraw("123456789012345678", AGENT)).isEqualTo(WithdrawalResult.UNKNOWN_TOKEN);
        assertThat(WithdrawalResult.UNKNOWN_TOKEN.responseCode()).isEqualTo("25");
        assertThat(f.bank.withdraw(null, AGENT)).isEqualTo(WithdrawalResult.UNKNOWN_TOKEN);
        String token = token();
        f.send("GET_CASH_OUT_TOKEN", Messages.cashOut(token, expiryIn(Duration.ofMinutes(5)), customer(63), "1.00"));
        assertThat(f.bank.withdraw(token, "NOAGENT00000001")).isEqualTo(WithdrawalResult.UNKNOWN_AGENT);
        assertThat(f.bank.withdraw(token, customer(64))).as("a customer is no agent")
                .isEqualTo(WithdrawalResult.UNKNOWN_AGENT);
        assertThat(f.bank.withdraw(token, "")).isEqualTo(WithdrawalResult.UNKNOWN_AGENT);
        assertThat(f.ledger().holdState(token)).hasValue("HELD");
    }

    @Test
    void aFailingListenerDoesNotUndoTheWithdrawalNorSilenceTheOthers() {
        BankFixture own = new BankFixture();
        try {
            List<Withdrawal> heardHere = new CopyOnWriteArrayList<>();
            own.bank.onWithdrawal(w -> {
                throw new IllegalStateException("listener bug");
            });
            own.bank.onWithdrawal(heardHere::add);
            String token = token();
            own.send("GET_CASH_OUT_TOKEN", Messages.cashOut(token,
                    Messages.stamp(own.clock.instant().plusSeconds(300)), customer(65), "1.00"));
            assertThat(own.bank.withdraw(token, AGENT)).isEqualTo(WithdrawalResult.WITHDRAWN);
            assertThat(own.ledger().holdState(token)).hasValue("WITHDRAWN");
            assertThat(heardHere).hasSize(1);
        } finally {
            own.close();
        }
    }

    @Test
    void cashOutRefusals() {
        String expiry = expiryIn(Duration.ofMinutes(5));
        assertThat(f.send("GET_CASH_OUT_TOKEN", Messages.cashOut(token(), expiry, customer(66), "1000.01")).code())
                .isEqualTo("51");
        assertThat(f.send("GET_CASH_OUT_TOKEN", Messages.cashOut(token(), expiry, "666666666666", "1.00")).code())
                .isEqualTo("14");
        TrxInfo usd = Messages.cashOut(token(), expiry, customer(66), "1.00").toBuilder()
                .put("trxCurrency", "840").build();
        assertThat(f.send("GET_CASH_OUT_TOKEN", usd).code()).isEqualTo("13");
        TrxInfo otherType = Messages.cashOut(token(), expiry, customer(66), "1.00").toBuilder()
                .put("trxTokenType", "DEPOSIT").build();
        assertThat(f.send("GET_CASH_OUT_TOKEN", otherType).code()).isEqualTo("12");
        assertThat(f.send("GET_CASH_OUT_TOKEN", Messages.cashOut("12345", expiry, customer(66), "1.00")).code())
                .isEqualTo("30");
        assertThat(f.send("GET_CASH_OUT_TOKEN", Messages.cashOut(token(), "20261399000000", customer(66), "1.00"))
                .code()).as("not a time").isEqualTo("30");
        assertThat(f.send("GET_CASH_OUT_TOKEN", Messages.cashOut(token(), Messages.stamp(f.clock.instant()),
                customer(66), "1.00")).code()).as("already expired").isEqualTo("70");
        String used = token();
        assertThat(f.send("GET_CASH_OUT_TOKEN", Messages.cashOut(used, expiry, customer(66), "1.00")).code())
                .isEqualTo("00");
        assertThat(f.send("GET_CASH_OUT_TOKEN", Messages.cashOut(used, expiry, customer(67), "1.00")).code())
                .as("the token is taken").isEqualTo("94");
        assertThat(f.ledger().availableMinor(customer(66))).isEqualTo(99_900);
        assertThat(f.ledger().availableMinor(customer(67))).isEqualTo(100_000);
    }
}
