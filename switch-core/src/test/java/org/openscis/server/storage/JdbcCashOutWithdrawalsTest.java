package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.port.Notification;

/** Withdrawals against cash-out tokens are recorded once, together with the wallet's notification. */
class JdbcCashOutWithdrawalsTest extends StorageTestBase {

    private static final Instant WITHDRAWN = Instant.parse("2026-03-01T10:20:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T10:20:00.250Z");

    private ScratchOutbox outbox;
    private JdbcCashOutWithdrawals withdrawals;

    @BeforeEach
    void setUp() {
        outbox = ScratchOutbox.on(db());
        withdrawals = new JdbcCashOutWithdrawals(db(), outbox);
    }

    private static JdbcCashOutWithdrawals.Entry entry(String trxId) {
        return new JdbcCashOutWithdrawals.Entry(trxId, MoneyFixtures.IIN, "AGENT0000000001", 2_000, "344", WITHDRAWN);
    }

    private static Notification notice() {
        return new Notification(MoneyFixtures.INS, MessageType.TRX_RESULT_NOTIFICATION, MoneyFixtures.TOKEN,
                TrxInfo.builder().put("trxMsgType", "WITHDRAW").build());
    }

    @Test
    void theFirstReportIsRecordedWithItsNotificationAndRepeatsWriteNothing() {
        assertThat(withdrawals.recorded("U6200000120260301101500000001")).isFalse();

        assertThat(withdrawals.record(entry("U6200000120260301101500000001"), notice(), NOW)).isTrue();
        assertThat(withdrawals.recorded("U6200000120260301101500000001")).isTrue();
        assertThat(ScratchOutbox.rows(db())).isEqualTo(1);
        assertThat(db().dsl().fetchOne("SELECT agent_mid, amount_minor, currency, withdrawn_at, recorded_at "
                + "FROM cash_out_withdrawals").intoList())
                .containsExactly("AGENT0000000001", 2_000L, "344", WITHDRAWN.toEpochMilli(), NOW.toEpochMilli());

        assertThat(withdrawals.record(entry("U6200000120260301101500000001"), notice(), NOW.plusSeconds(1)))
                .isFalse();
        assertThat(ScratchOutbox.rows(db())).as("no second notification").isEqualTo(1);

        assertThat(withdrawals.record(entry("U6200000120260301101500000002"), notice(), NOW)).isTrue();
        assertThat(ScratchOutbox.rows(db())).isEqualTo(2);
    }

    @Test
    void aFailingOutboxLeavesNoRecordSoTheReportCanBeRetried() {
        outbox.failAfterWriting(true);
        assertThatThrownBy(() -> withdrawals.record(entry("U6200000120260301101500000003"), notice(), NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThat(withdrawals.recorded("U6200000120260301101500000003")).isFalse();
        assertThat(ScratchOutbox.rows(db())).isZero();

        outbox.failAfterWriting(false);
        assertThat(withdrawals.record(entry("U6200000120260301101500000003"), notice(), NOW)).isTrue();
        assertThat(ScratchOutbox.rows(db())).isEqualTo(1);
    }

    @Test
    void concurrentReportsOnTwoNodesNotifyOnce() throws Exception {
        JdbcCashOutWithdrawals other = new JdbcCashOutWithdrawals(testDb.openAnother(), outbox);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Boolean>> reports = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                JdbcCashOutWithdrawals node = i % 2 == 0 ? withdrawals : other;
                reports.add(() -> node.record(entry("U6200000120260301101500000004"), notice(), NOW));
            }
            int won = 0;
            for (Future<Boolean> f : pool.invokeAll(reports)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            assertThat(ScratchOutbox.rows(db())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
