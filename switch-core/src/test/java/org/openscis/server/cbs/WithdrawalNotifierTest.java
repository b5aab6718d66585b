package org.openscis.server.cbs;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.connector.sim.bank.Withdrawal;
import org.openscis.router.MessageType;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.Merchant;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.TransactionStore;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.ConfigMerchants;
import org.openscis.router.testing.InMemoryOutbox;
import org.openscis.router.testing.InMemoryTransactionStore;
import org.openscis.server.storage.Database;
import org.openscis.server.storage.JdbcCashOutWithdrawals;

/** Withdrawals the simulator reports become one WITHDRAW notification to the wallet that asked for the token. */
class WithdrawalNotifierTest {

    private static final String IIN = "62000001";
    private static final String APPGW = "39990061";
    private static final String TOKEN = "6292000000000000018";
    private static final String CASH_OUT_MSG_ID = "A3999006120260301101500123456";
    private static final String TRX_ID = "U6200000120260301101500000042";
    private static final String AGENT = "AGENT0000000001";
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:00Z");
    private static final Instant WITHDRAWN = T0.plusSeconds(300);

    private final InMemoryTransactionStore transactions = new InMemoryTransactionStore(new InMemoryOutbox());
    private final List<Notification> stored = new CopyOnWriteArrayList<>();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final ConfigMerchants merchants = new ConfigMerchants()
            .add(IIN, new Merchant(AGENT, "Demo Agent", Merchant.Role.AGENT, "6012", "344"));
    private Database db;
    private WithdrawalNotifier notifier;

    @BeforeEach
    void setUp() {
        db = Database.openH2InMemory("withdrawals_" + UUID.randomUUID().toString().replace("-", ""));
        notifier = notifier(transactions);
        transactions.put(cashOut(TRX_ID, CbsOperation.GET_CASH_OUT_TOKEN, IIN));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private WithdrawalNotifier notifier(TransactionStore store) {
        JdbcCashOutWithdrawals withdrawals = new JdbcCashOutWithdrawals(db,
                (tx, notifications, now) -> stored.addAll(notifications));
        return new WithdrawalNotifier(store, withdrawals, merchants, wakeUps::incrementAndGet,
                Clock.fixed(WITHDRAWN.plusMillis(5), ZoneOffset.UTC));
    }

    private static MoneyTransaction cashOut(String trxId, CbsOperation operation, String issuer) {
        TrxInfo cbsRequest = TrxInfo.builder().put("trxTokenType", "WITHDRAW").put("trxToken", "123456789012345678")
                .put("trxAmt", "10.00").put("trxCurrency", "344").put("referNo", "R62000001000000000007").build();
        TrxInfo reply = TrxInfo.builder().put("trxToken", "123456789012345678").put("referNo", "R62000001000000000007")
                .put("tokenExpiry", "20260301104500").build();
        return new MoneyTransaction(trxId, APPGW, CASH_OUT_MSG_ID, MessageType.GET_CASH_OUT_TOKEN, "1.0.0",
                "20260301101500", issuer, "card-1", TOKEN, "device-1", operation, 1_000, "344", cbsRequest, reply,
                TrxState.APPROVED, "00", false, 0, null, T0, T0);
    }

    private static Withdrawal withdrawal(String holdMsgId, String agentMid) {
        return new Withdrawal("123456789012345678", "100000000042", agentMid, 1_000, "344", WITHDRAWN, holdMsgId);
    }

    @Test
    void theWalletThatAskedForTheTokenIsToldOfTheCashHandedOut() {
        assertThat(notifier.notify(IIN, withdrawal(TRX_ID, AGENT))).isEqualTo(WithdrawalNotifier.Outcome.NOTIFIED);

        assertThat(stored).singleElement().satisfies(n -> {
            assertThat(n.recipientInsId()).isEqualTo(APPGW);
            assertThat(n.type()).isEqualTo(MessageType.TRX_RESULT_NOTIFICATION);
            assertThat(n.orderKey()).as("in order with the token's other callbacks").isEqualTo(TOKEN);
            assertThat(n.trxInfo().asMap()).containsExactly(
                    entry("deviceID", "device-1"),
                    entry("token", TOKEN),
                    entry("trxMsgType", "WITHDRAW"),
                    entry("origMsgID", CASH_OUT_MSG_ID),
                    entry("origTrxType", "GET_CASH_OUT_TOKEN"),
                    entry("trxAmt", "10.00"),
                    entry("trxCurrency", "344"),
                    entry("merchantName", "Demo Agent"),
                    entry("paymentStatus", "APPROVED"),
                    entry("rejectionReason", "APPROVED"),
                    entry("referNo", "R62000001000000000007"));
            assertThat(n.trxInfo().toString()).doesNotContain("123456789012345678").doesNotContain("100000000042");
        });
        assertThat(wakeUps).as("the dispatcher is woken once the row committed").hasValue(1);
        assertThat(new JdbcCashOutWithdrawals(db, (tx, n, now) -> { }).recorded(TRX_ID)).isTrue();
    }

    @Test
    void aRepeatedReportNotifiesNobodyAgain() {
        assertThat(notifier.notify(IIN, withdrawal(TRX_ID, AGENT))).isEqualTo(WithdrawalNotifier.Outcome.NOTIFIED);
        assertThat(notifier.notify(IIN, withdrawal(TRX_ID, AGENT)))
                .isEqualTo(WithdrawalNotifier.Outcome.ALREADY_NOTIFIED);
        notifier.accept(IIN, withdrawal(TRX_ID, AGENT));

        assertThat(stored).hasSize(1);
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void anAgentTheSwitchDoesNotKnowIsLeftUnnamed() {
        assertThat(notifier.notify(IIN, withdrawal(TRX_ID, "AGENT0000000099")))
                .isEqualTo(WithdrawalNotifier.Outcome.NOTIFIED);
        assertThat(stored).singleElement().satisfies(n -> {
            assertThat(n.trxInfo().string("merchantName")).isNull();
            assertThat(n.trxInfo().string("trxMsgType")).isEqualTo("WITHDRAW");
        });
    }

    @Test
    void holdsTheSwitchDidNotPlaceNotifyNobody() {
        transactions.put(cashOut("U6200000120260301101500000043", CbsOperation.DEBIT_TRANSACTION, IIN));
        transactions.put(cashOut("U6200000220260301101500000044", CbsOperation.GET_CASH_OUT_TOKEN, "62000002"));

        assertThat(notifier.notify(IIN, withdrawal("U6200000120260301101500099999", AGENT)))
                .as("unknown trxId").isEqualTo(WithdrawalNotifier.Outcome.UNKNOWN_MOVEMENT);
        assertThat(notifier.notify(IIN, withdrawal(null, AGENT)))
                .as("no hold msgID").isEqualTo(WithdrawalNotifier.Outcome.UNKNOWN_MOVEMENT);
        assertThat(notifier.notify(IIN, withdrawal("U6200000120260301101500000043", AGENT)))
                .as("not a cash-out movement").isEqualTo(WithdrawalNotifier.Outcome.UNKNOWN_MOVEMENT);
        assertThat(notifier.notify(IIN, withdrawal("U6200000220260301101500000044", AGENT)))
                .as("another issuer's movement").isEqualTo(WithdrawalNotifier.Outcome.UNKNOWN_MOVEMENT);
        assertThat(stored).isEmpty();
        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void theListenerNeverThrowsAtTheSimulator() {
        TransactionStore broken = (TransactionStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TransactionStore.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("database down");
                });
        WithdrawalNotifier failing = notifier(broken);

        failing.accept(IIN, withdrawal(TRX_ID, AGENT));

        assertThat(stored).isEmpty();
    }
}
