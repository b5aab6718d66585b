package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openscis.server.storage.MoneyFixtures.ACCOUNT;
import static org.openscis.server.storage.MoneyFixtures.CARD;
import static org.openscis.server.storage.MoneyFixtures.CASH_OUT_TOKEN;
import static org.openscis.server.storage.MoneyFixtures.CNY;
import static org.openscis.server.storage.MoneyFixtures.INS;
import static org.openscis.server.storage.MoneyFixtures.PAN;
import static org.openscis.server.storage.MoneyFixtures.T0;
import static org.openscis.server.storage.MoneyFixtures.TOKEN;
import static org.openscis.server.storage.MoneyFixtures.onCard;
import static org.openscis.server.storage.MoneyFixtures.trx;
import static org.openscis.server.storage.MoneyFixtures.withState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.MoneyTransaction;
import org.openscis.router.port.Notification;
import org.openscis.router.port.TrxState;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.crypto.StoredDataException;
import org.openscis.testing.Race;

class JdbcTransactionStoreTest extends StorageTestBase {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final List<Notification> RESULT = List.of(new Notification(INS, MessageType.TRX_RESULT_NOTIFICATION,
            TOKEN, TrxInfo.builder().put("paymentStatus", "APPROVED").build()));

    private DataKeyring keyring;
    private ScratchOutbox outbox;
    private JdbcTransactionStore store;

    @BeforeEach
    void setUp() {
        keyring = DataKeyring.ephemeral(Clock.systemUTC());
        outbox = ScratchOutbox.on(db());
        store = new JdbcTransactionStore(db(), new DataCipher(keyring), outbox);
    }

    @Test
    void createdTransactionIsFoundByIdAndByRequest() {
        MoneyTransaction t = trx("U62000001202603011015300000001", "m1", 1234);

        assertThat(store.create(t)).isTrue();

        assertThat(store.find(t.trxId())).contains(t);
        assertThat(store.findByRequest(INS, "m1")).contains(t);
        assertThat(store.find("other")).isEmpty();
        assertThat(store.findByRequest("39990062", "m1")).isEmpty();
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        MoneyTransaction full = trx("t1", "m1", 100);
        MoneyTransaction bare = new MoneyTransaction("t1", INS, "m1", MessageType.CREDIT_TRANSACTION, null, null,
                MoneyFixtures.IIN, null, null, null, CbsOperation.CREDIT_TRANSACTION, 100, CNY, full.cbsRequest(), null,
                TrxState.AWAITING_CVM, null, true, 2, null, T0, T0.plusMillis(5));

        assertThat(store.create(bare)).isTrue();

        assertThat(store.find("t1")).contains(bare);
    }

    @Test
    void duplicateRequestOrTrxIdIsRefusedAndChangesNothing() {
        MoneyTransaction first = trx("t1", "m1", 100);
        store.create(first);

        assertThat(store.create(trx("t2", "m1", 999))).isFalse();
        assertThat(store.create(trx("t1", "m2", 999))).isFalse();

        assertThat(store.find("t1")).contains(first);
        assertThat(store.find("t2")).isEmpty();
        assertThat(store.findByRequest(INS, "m2")).isEmpty();
    }

    @Test
    void concurrentCreatesOfOneRequestHaveOneWinner() throws Exception {
        Database otherNode = testDb.openAnother();
        JdbcTransactionStore other = new JdbcTransactionStore(otherNode, new DataCipher(keyring), outbox);
        for (int round = 0; round < 5; round++) {
            String msgId = "m" + round;
            List<Boolean> created = Race.run(2, i -> (i == 0 ? store : other).create(trx(msgId + "-t" + i,
                    msgId, 100)));
            assertThat(created).containsExactlyInAnyOrder(true, false);
        }
    }

    @Test
    void transitionIsACompareAndSetOfTheState() {
        store.create(trx("t1", "m1", 100));

        assertThat(store.transition("t1", TrxState.RECEIVED, TrxState.SENT, null, List.of(), T0.plusSeconds(1)))
                .isTrue();
        assertThat(store.transition("t1", TrxState.RECEIVED, TrxState.SENT, null, List.of(), T0.plusSeconds(2)))
                .isFalse();
        assertThat(store.transition("unknown", TrxState.RECEIVED, TrxState.SENT, null, List.of(), T0)).isFalse();

        MoneyTransaction sent = store.find("t1").orElseThrow();
        assertThat(sent.state()).isEqualTo(TrxState.SENT);
        assertThat(sent.updatedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(sent.nextAttemptAt()).as("open states keep their due time").isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void responseCodeIsKeptWhenNullAndFinalStatesClearTheDueTime() {
        store.create(trx("t1", "m1", 100));
        store.transition("t1", TrxState.RECEIVED, TrxState.SENT, null, List.of(), T0);
        store.transition("t1", TrxState.SENT, TrxState.UNKNOWN, "04", List.of(), T0);
        assertThat(store.find("t1").orElseThrow().responseCode()).isEqualTo("04");

        store.transition("t1", TrxState.UNKNOWN, TrxState.RESOLVED_APPROVED, null, List.of(), T0.plusSeconds(40));

        MoneyTransaction resolved = store.find("t1").orElseThrow();
        assertThat(resolved.state()).isEqualTo(TrxState.RESOLVED_APPROVED);
        assertThat(resolved.responseCode()).isEqualTo("04");
        assertThat(resolved.nextAttemptAt()).isNull();
        assertThat(resolved.updatedAt()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void notificationsAreWrittenOnlyWhenTheCompareAndSetWins() {
        store.create(trx("t1", "m1", 100));
        store.transition("t1", TrxState.RECEIVED, TrxState.SENT, null, List.of(), T0);

        assertThat(store.transition("t1", TrxState.RECEIVED, TrxState.APPROVED, "00", RESULT, T0)).isFalse();
        assertThat(ScratchOutbox.rows(db())).isZero();
        assertThat(outbox.calls()).isZero();

        assertThat(store.transition("t1", TrxState.SENT, TrxState.APPROVED, "00", RESULT, T0)).isTrue();
        assertThat(ScratchOutbox.rows(db())).isEqualTo(1);
        assertThat(outbox.calls()).isEqualTo(1);
    }

    @Test
    void aFailingOutboxRollsBackTheStateChangeAndItsOwnRows() {
        store.create(trx("t1", "m1", 100));
        store.transition("t1", TrxState.RECEIVED, TrxState.SENT, null, List.of(), T0);
        outbox.failAfterWriting(true);

        assertThatThrownBy(() -> store.transition("t1", TrxState.SENT, TrxState.APPROVED, "00", RESULT, T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("told to fail");

        MoneyTransaction after = store.find("t1").orElseThrow();
        assertThat(after.state()).isEqualTo(TrxState.SENT);
        assertThat(after.responseCode()).isNull();
        assertThat(after.nextAttemptAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(ScratchOutbox.rows(db())).as("the rows written before the failure").isZero();

        outbox.failAfterWriting(false);
        assertThat(store.transition("t1", TrxState.SENT, TrxState.APPROVED, "00", RESULT, T0)).isTrue();
        assertThat(ScratchOutbox.rows(db())).isEqualTo(1);
    }

    @Test
    void concurrentTransitionsOnTwoNodesEnqueueOnce() throws Exception {
        Database otherNode = testDb.openAnother();
        JdbcTransactionStore other = new JdbcTransactionStore(otherNode, new DataCipher(keyring), outbox);
        for (int round = 0; round < 5; round++) {
            String id = "t" + round;
            store.create(trx(id, "m" + round, 100));
            store.transition(id, TrxState.RECEIVED, TrxState.SENT, null, List.of(), T0);

            List<Boolean> won = Race.run(2, i -> (i == 0 ? store : other).transition(id, TrxState.SENT,
                    i == 0 ? TrxState.APPROVED : TrxState.UNKNOWN, i == 0 ? "00" : "04", RESULT, T0));

            assertThat(won).containsExactlyInAnyOrder(true, false);
            assertThat(ScratchOutbox.rows(db())).isEqualTo(round + 1);
        }
    }

    @Test
    void claimDueLeasesOpenDueRowsOldestFirst() {
        store.create(withState(trx("late", "m1", 100), TrxState.UNKNOWN, T0.plusSeconds(5)));
        store.create(withState(trx("early", "m2", 100), TrxState.SENT, T0.plusSeconds(1)));
        store.create(withState(trx("received", "m3", 100), TrxState.RECEIVED, T0.plusSeconds(3)));
        store.create(withState(trx("future", "m4", 100), TrxState.UNKNOWN, T0.plusSeconds(60)));
        store.create(withState(trx("cvm", "m5", 100), TrxState.AWAITING_CVM, T0));
        store.create(withState(trx("done", "m6", 100), TrxState.APPROVED, T0));
        Instant now = T0.plusSeconds(10);

        List<MoneyTransaction> claimed = store.claimDue(now, LEASE, 10);

        assertThat(claimed).extracting(MoneyTransaction::trxId)
                .as("a payment awaiting the cardholder is due too: after its verification timeout")
                .containsExactly("cvm", "early", "received", "late");
        assertThat(claimed).allSatisfy(t -> assertThat(t.nextAttemptAt()).isEqualTo(now.plus(LEASE)));
        assertThat(store.find("late").orElseThrow().nextAttemptAt()).isEqualTo(now.plus(LEASE));
        assertThat(store.claimDue(now, LEASE, 10)).as("leased rows are not due").isEmpty();
        assertThat(store.claimDue(now.plus(LEASE), LEASE, 10)).extracting(MoneyTransaction::trxId)
                .as("equal due times, in trxId order").containsExactly("cvm", "early", "late", "received");
    }

    @Test
    void claimDueTakesAtMostMax() {
        for (int i = 0; i < 5; i++) {
            store.create(withState(trx("t" + i, "m" + i, 100), TrxState.UNKNOWN, T0.plusSeconds(i)));
        }

        assertThat(store.claimDue(T0.plusSeconds(10), LEASE, 2)).extracting(MoneyTransaction::trxId)
                .containsExactly("t0", "t1");
        assertThat(store.claimDue(T0.plusSeconds(10), LEASE, 0)).isEmpty();
        assertThat(store.claimDue(T0.plusSeconds(10), LEASE, 10)).extracting(MoneyTransaction::trxId)
                .containsExactly("t2", "t3", "t4");
        assertThatThrownBy(() -> store.claimDue(T0, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoNodesClaimingAtOnceNeverShareARow() throws Exception {
        Database otherNode = testDb.openAnother();
        JdbcTransactionStore other = new JdbcTransactionStore(otherNode, new DataCipher(keyring), outbox);
        int rows = 30;
        for (int round = 0; round < 3; round++) {
            db().dsl().execute("DELETE FROM money_transactions");
            for (int i = 0; i < rows; i++) {
                store.create(withState(trx("t" + i, "m" + i, 100), TrxState.UNKNOWN, T0.plusMillis(i % 7)));
            }
            Instant now = T0.plusSeconds(1);

            // Two callers per node, each claiming in small batches until nothing is left for it.
            List<List<String>> claimed = Race.run(4, i -> {
                JdbcTransactionStore mine = i % 2 == 0 ? store : other;
                List<String> ids = new ArrayList<>();
                List<MoneyTransaction> batch;
                while (!(batch = mine.claimDue(now, LEASE, 4)).isEmpty()) {
                    batch.forEach(t -> ids.add(t.trxId()));
                }
                return ids;
            });

            Set<String> all = new HashSet<>();
            int total = 0;
            for (List<String> ids : claimed) {
                all.addAll(ids);
                total += ids.size();
            }
            assertThat(total).as("no row claimed twice").isEqualTo(rows);
            assertThat(all).hasSize(rows);
        }
    }

    @Test
    void scheduleRetryCountsTheAttemptAndLeavesFinalRowsAlone() {
        store.create(withState(trx("open", "m1", 100), TrxState.UNKNOWN, T0));
        store.create(withState(trx("done", "m2", 100), TrxState.RESOLVED_DECLINED, null));

        store.scheduleRetry("open", 3, T0.plusSeconds(90));
        store.scheduleRetry("done", 3, T0.plusSeconds(90));
        store.scheduleRetry("unknown", 3, T0.plusSeconds(90));

        MoneyTransaction open = store.find("open").orElseThrow();
        assertThat(open.attempts()).isEqualTo(3);
        assertThat(open.nextAttemptAt()).isEqualTo(T0.plusSeconds(90));
        MoneyTransaction done = store.find("done").orElseThrow();
        assertThat(done.attempts()).isZero();
        assertThat(done.nextAttemptAt()).isNull();
    }

    @Test
    void aRecordCreatedFinalHasNoDueTime() {
        store.create(withState(trx("t1", "m1", 100), TrxState.DECLINED, T0));

        assertThat(store.find("t1").orElseThrow().nextAttemptAt()).isNull();
        assertThat(store.claimDue(T0.plusSeconds(60), LEASE, 10)).isEmpty();
    }

    @Test
    void findRelatedReturnsTheMovementsWhoseCbsRequestNamesTheOriginal() {
        store.create(trx("payment", "m1", 10_000));
        store.create(refund("refund-1", "r1", "payment", 2_000, T0));
        store.create(withState(refund("refund-2", "r2", "payment", 3_000, T0.plusSeconds(1)), TrxState.DECLINED,
                null));
        store.create(refund("other-refund", "r3", "another-payment", 4_000, T0));

        assertThat(store.findRelated("payment")).extracting(MoneyTransaction::trxId)
                .containsExactly("refund-1", "refund-2");
        assertThat(store.findRelated("payment").get(1).state()).isEqualTo(TrxState.DECLINED);
        assertThat(store.findRelated("payment").get(0)).isEqualTo(refund("refund-1", "r1", "payment", 2_000, T0));
        assertThat(store.findRelated("refund-1")).isEmpty();
        assertThat(store.findRelated("unknown")).isEmpty();
    }

    private static MoneyTransaction refund(String trxId, String msgId, String origTrxId, long amountMinor,
            Instant createdAt) {
        MoneyTransaction t = trx(trxId, msgId, CbsOperation.CREDIT_TRANSACTION, amountMinor, createdAt);
        return new MoneyTransaction(t.trxId(), "48000344", t.msgId(), MessageType.REFUND, t.msgVersion(),
                t.msgTimeStamp(), t.issuerIin(), t.cardId(), t.token(), t.deviceId(), t.operation(), t.amountMinor(),
                t.currency(), t.cbsRequest().toBuilder().put("origMsgID", origTrxId)
                        .put("origMsgType", "CPQRC_PAYMENT").build(),
                t.approvedReply(), t.state(), t.responseCode(), t.notifyOnFinal(), t.attempts(), t.nextAttemptAt(),
                t.createdAt(), t.updatedAt());
    }

    @Test
    void outgoingSinceSumsTheCardsOutgoingMovementsThatMayHaveMoved() {
        Instant since = T0.minusSeconds(3600);
        store.create(trx("debit", "m1", CbsOperation.DEBIT_TRANSACTION, 1_000, T0));
        store.create(trx("p2p", "m2", CbsOperation.P2P_TRANSFER, 200, T0));
        store.create(trx("cash", "m3", CbsOperation.GET_CASH_OUT_TOKEN, 30, since));
        store.create(withState(trx("unknown", "m4", CbsOperation.DEBIT_TRANSACTION, 4, T0), TrxState.UNKNOWN, T0));
        store.create(withState(trx("resolved", "m5", CbsOperation.DEBIT_TRANSACTION, 5_000_000_000L, T0),
                TrxState.RESOLVED_APPROVED, null));
        // Not counted: incoming, declined, cancelled, too old, another card, another currency.
        store.create(trx("credit", "m6", CbsOperation.CREDIT_TRANSACTION, 70_000, T0));
        store.create(withState(trx("declined", "m7", CbsOperation.DEBIT_TRANSACTION, 80_000, T0), TrxState.DECLINED,
                null));
        store.create(withState(trx("rdeclined", "m8", CbsOperation.P2P_TRANSFER, 80_000, T0),
                TrxState.RESOLVED_DECLINED, null));
        store.create(withState(trx("cancelled", "m9", CbsOperation.DEBIT_TRANSACTION, 80_000, T0),
                TrxState.CANCELLED, null));
        store.create(trx("old", "m10", CbsOperation.DEBIT_TRANSACTION, 90_000, since.minusMillis(1)));
        store.create(onCard(trx("card2", "m11", 90_000), "card-2", CNY));
        store.create(onCard(trx("usd", "m12", 90_000), CARD, "840"));

        assertThat(store.outgoingSince(CARD, CNY, since)).isEqualTo(1_000 + 200 + 30 + 4 + 5_000_000_000L);
        assertThat(store.outgoingSince(CARD, "840", since)).isEqualTo(90_000);
        assertThat(store.outgoingSince("card-3", CNY, since)).isZero();
        assertThat(store.outgoingSince(CARD, CNY, T0.plusMillis(1))).isZero();
    }

    @Test
    void accountDataPansAndCashOutTokensNeverReachTheDatabaseInClear() throws Exception {
        store.create(trx("t1", "m1", 100));
        store.create(trx("t2", "m2", 100));

        ClearTextScan scan = new ClearTextScan(db(), List.of("money_transactions"), ACCOUNT, PAN, CASH_OUT_TOKEN);
        assertThat(scan.rowsScanned("money_transactions")).isEqualTo(2);
        assertThat(scan.findings()).isEmpty();
        assertThat(new ClearTextScan(db(), List.of("money_transactions"), TOKEN).findings())
                .as("the token is stored in clear on purpose").isNotEmpty();
        if (testDb.h2File() != null) {
            db().dsl().execute("CHECKPOINT SYNC");
            assertThat(ClearTextScan.fileContains(testDb.h2File(), ACCOUNT, PAN, CASH_OUT_TOKEN)).isEmpty();
        }
    }

    @Test
    void ciphertextCannotBeMovedToAnotherTransaction() {
        store.create(trx("t1", "m1", 100));
        store.create(trx("t2", "m2", 100));
        db().dsl().execute("UPDATE money_transactions SET cbs_request_enc = (SELECT cbs_request_enc"
                + " FROM money_transactions WHERE trx_id = 't1') WHERE trx_id = 't2'");

        assertThat(store.find("t1")).isPresent();
        assertThatThrownBy(() -> store.find("t2")).isInstanceOf(StoredDataException.class);
    }

    @Test
    void ciphertextCannotBeMovedToTheOtherColumn() {
        store.create(trx("t1", "m1", 100));
        db().dsl().execute("UPDATE money_transactions SET approved_reply_enc = cbs_request_enc WHERE trx_id = 't1'");

        assertThatThrownBy(() -> store.find("t1")).isInstanceOf(StoredDataException.class);
    }
}
