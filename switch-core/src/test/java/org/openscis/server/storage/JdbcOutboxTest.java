package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.port.Notification;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.outbox.ClaimedCallback;
import org.openscis.server.outbox.JdbcOutbox;
import org.openscis.server.outbox.JdbcOutboxAdmin;
import org.openscis.server.outbox.OutboxCounts;
import org.openscis.server.outbox.OutboxEntry;
import org.openscis.server.outbox.OutboxState;
import org.openscis.server.outbox.ReplayResult;
import org.openscis.testing.Race;

/**
 * {@link JdbcOutbox} and {@link JdbcOutboxAdmin} on H2 and PostgreSQL (here, beside the other storage suites, to run
 * on both backends with {@link StorageTestBase}).
 */
class JdbcOutboxTest extends StorageTestBase {

    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.250Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static final String APPGW = "39990157";
    static final String TOKEN_A = "6292000012345678901";
    static final String TOKEN_B = "6292000098765432109";

    private final DataCipher cipher = new DataCipher(DataKeyring.ephemeral(Clock.systemUTC()));
    private JdbcOutbox outbox;
    private JdbcOutboxAdmin admin;

    @BeforeEach
    void setUp() {
        db().dsl().execute("DELETE FROM outbox");
        outbox = new JdbcOutbox(db(), cipher, new SequenceAllocator(db()));
        admin = new JdbcOutboxAdmin(db());
    }

    static Notification notification(String token, String note) {
        return new Notification(APPGW, MessageType.TRX_RESULT_NOTIFICATION, token, TrxInfo.builder()
                .put("token", token)
                .put("trxAmt", "12.50")
                .put("trxNote", note)
                .build());
    }

    @Test
    void msgIdsAreUPlusRecipientPlusUtcTimePlusSixDigitSequence() {
        String first = outbox.store(notification(TOKEN_A, "one"), T0);
        String second = outbox.store(notification(TOKEN_A, "two"), T0);

        assertThat(first).isEqualTo("U" + APPGW + "20260301101530" + "000001");
        assertThat(second).isEqualTo("U" + APPGW + "20260301101530" + "000002");
        assertThat(first).matches("[A-Za-z0-9]{17,49}");
    }

    @Test
    void msgIdsAreUniqueAcrossNodesAndRestarts() {
        Database other = testDb.openAnother();
        JdbcOutbox otherNode = new JdbcOutbox(other, cipher, new SequenceAllocator(other));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            ids.add(outbox.store(notification(TOKEN_A, "a" + i), T0));
            ids.add(otherNode.store(notification(TOKEN_A, "b" + i), T0));
        }
        JdbcOutbox restarted = new JdbcOutbox(db(), cipher, new SequenceAllocator(db()));
        ids.add(restarted.store(notification(TOKEN_A, "after restart"), T0));

        assertThat(ids).hasSize(61);
    }

    @Test
    void insertUsesTheCallersTransaction() {
        assertThatThrownBy(() -> db().dsl().transaction(cfg -> {
            outbox.insert(DSL.using(cfg), List.of(notification(TOKEN_A, "x"), notification(TOKEN_B, "y")), T0);
            throw new IllegalStateException("the state change failed");
        })).hasMessageContaining("the state change failed");
        assertThat(admin.list(false, 10)).isEmpty();

        List<String> ids = db().dsl().transactionResult(cfg -> outbox.insertReturningMsgIds(DSL.using(cfg),
                List.of(notification(TOKEN_A, "x"), notification(TOKEN_B, "y")), T0));

        assertThat(admin.list(false, 10)).extracting(OutboxEntry::msgId).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void payloadIsEncryptedAtRestAndBoundToItsRow() {
        String secretNote = "a-very-recognisable-note";
        String a = outbox.store(notification(TOKEN_A, secretNote), T0);
        String b = outbox.store(notification(TOKEN_B, "other"), T0);

        for (Record r : db().dsl().fetch("SELECT payload_enc FROM outbox")) {
            byte[] stored = r.get(0, byte[].class);
            for (String clear : List.of(TOKEN_A, TOKEN_B, secretNote, "trxAmt", "12.50")) {
                assertThat(ClearTextScan.indexOf(stored, clear.getBytes(StandardCharsets.US_ASCII)))
                        .as("payload holds %s in clear", clear).isNegative();
            }
        }
        List<ClaimedCallback> readable = outbox.claimDue(T0, LEASE, 10);
        assertThat(readable).allMatch(ClaimedCallback::readable);
        assertThat(readable.get(0).trxInfo().string("trxNote")).isEqualTo(secretNote);

        // a ciphertext moved to another row no longer decrypts
        byte[] aPayload = db().dsl().fetchOne("SELECT payload_enc FROM outbox WHERE msg_id = ?", a)
                .get(0, byte[].class);
        db().dsl().execute("UPDATE outbox SET payload_enc = ? WHERE msg_id = ?", aPayload, b);
        db().dsl().execute("UPDATE outbox SET lease_until = 0");
        List<ClaimedCallback> again = outbox.claimDue(T0, LEASE, 10);
        assertThat(again).filteredOn(c -> c.msgId().equals(b)).singleElement()
                .satisfies(c -> assertThat(c.readable()).isFalse());
        assertThat(again).filteredOn(c -> c.msgId().equals(a)).singleElement()
                .satisfies(c -> assertThat(c.readable()).isTrue());
        assertThat(again.toString()).doesNotContain(TOKEN_A).contains("6292********8901");
    }

    @Test
    void onlyTheOldestPendingRowOfATokenIsClaimed() {
        String a1 = outbox.store(notification(TOKEN_A, "1"), T0);
        String a2 = outbox.store(notification(TOKEN_A, "2"), T0);
        outbox.store(notification(TOKEN_A, "3"), T0);
        String b1 = outbox.store(notification(TOKEN_B, "1"), T0);

        List<ClaimedCallback> first = outbox.claimDue(T0, LEASE, 10);
        assertThat(first).extracting(ClaimedCallback::msgId).containsExactly(a1, b1);
        assertThat(outbox.claimDue(T0, LEASE, 10)).as("all eligible rows are leased").isEmpty();

        assertThat(outbox.markDelivered(first.get(0), "00", T0.plusMillis(5))).isTrue();
        assertThat(outbox.claimDue(T0.plusMillis(5), LEASE, 10)).extracting(ClaimedCallback::msgId)
                .containsExactly(a2);
    }

    @Test
    void aRetryWaitsForItsTimeAndKeepsLaterRowsOfTheTokenWaiting() {
        String a1 = outbox.store(notification(TOKEN_A, "1"), T0);
        String a2 = outbox.store(notification(TOKEN_A, "2"), T0);
        ClaimedCallback claimed = outbox.claimDue(T0, LEASE, 10).get(0);

        assertThat(outbox.reschedule(claimed, T0.plusSeconds(1), null, "connection refused")).isTrue();

        assertThat(outbox.claimDue(T0.plusMillis(999), LEASE, 10)).isEmpty();
        List<ClaimedCallback> retry = outbox.claimDue(T0.plusSeconds(1), LEASE, 10);
        assertThat(retry).singleElement().satisfies(c -> {
            assertThat(c.msgId()).isEqualTo(a1);
            assertThat(c.attempts()).isEqualTo(1);
            assertThat(c.createdAt()).isEqualTo(T0);
        });
        assertThat(admin.list(false, 10)).filteredOn(e -> e.msgId().equals(a2)).singleElement()
                .satisfies(e -> assertThat(e.attempts()).isZero());
    }

    @Test
    void aParkedRowBlocksNothing() {
        outbox.store(notification(TOKEN_A, "1"), T0);
        String a2 = outbox.store(notification(TOKEN_A, "2"), T0);
        ClaimedCallback claimed = outbox.claimDue(T0, LEASE, 10).get(0);

        assertThat(outbox.park(claimed, "96", "recipient answered 96")).isTrue();

        assertThat(outbox.claimDue(T0, LEASE, 10)).extracting(ClaimedCallback::msgId).containsExactly(a2);
    }

    @Test
    void aLeaseIsExclusiveUntilItEnds() {
        outbox.store(notification(TOKEN_A, "1"), T0);
        ClaimedCallback first = outbox.claimDue(T0, LEASE, 10).get(0);

        assertThat(outbox.claimDue(T0.plus(LEASE).minusMillis(1), LEASE, 10)).isEmpty();
        ClaimedCallback second = outbox.claimDue(T0.plus(LEASE), LEASE, 10).get(0);
        assertThat(second.msgId()).isEqualTo(first.msgId());
        assertThat(second.leaseUntil()).isAfter(first.leaseUntil());

        // the first holder lost its lease: its failure is not recorded, but a delivery always counts
        assertThat(outbox.reschedule(first, T0.plusSeconds(99), null, "late")).isFalse();
        assertThat(outbox.park(first, null, "late")).isFalse();
        assertThat(outbox.reschedule(second, T0.plusSeconds(99), null, "timeout")).isTrue();
        assertThat(outbox.markDelivered(first, "00", T0.plusSeconds(40))).isTrue();
        assertThat(outbox.markDelivered(second, "00", T0.plusSeconds(41))).isFalse();
        assertThat(admin.list(false, 1).get(0).state()).isEqualTo(OutboxState.DELIVERED);
    }

    @Test
    void twoNodesClaimingAtOnceNeverShareARow() throws Exception {
        Database other = testDb.openAnother();
        JdbcOutbox otherNode = new JdbcOutbox(other, cipher, new SequenceAllocator(other));
        int rows = 40;
        for (int i = 0; i < rows; i++) {
            outbox.store(notification(String.format("62920000%011d", i), "n"), T0);
        }
        List<JdbcOutbox> nodes = List.of(outbox, otherNode);
        Set<String> seen = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            Instant at = T0.plus(LEASE.multipliedBy(round));
            List<List<ClaimedCallback>> claims = Race.run(2, i -> nodes.get(i).claimDue(at, LEASE, rows));

            List<String> all = new ArrayList<>();
            claims.forEach(c -> c.forEach(x -> all.add(x.msgId())));
            assertThat(all).as("round %d", round).hasSize(rows).doesNotHaveDuplicates();
            seen.addAll(all);
        }
        assertThat(seen).hasSize(rows);
    }

    @Test
    void listingMasksTheTokenAndErrorsNeverHoldCardNumbers() {
        String a1 = outbox.store(notification(TOKEN_A, "1"), T0);
        ClaimedCallback claimed = outbox.claimDue(T0, LEASE, 10).get(0);
        outbox.reschedule(claimed, T0.plusSeconds(1), "05", "answered for 6292000012345678901 with 05");

        OutboxEntry entry = admin.list(false, 10).get(0);

        assertThat(entry).isEqualTo(new OutboxEntry(a1, APPGW, "TRX_RESULT_NOTIFICATION", "6292********8901",
                OutboxState.PENDING, 1, T0, T0.plusSeconds(1), null, "05",
                "answered for 6292********8901 with 05"));
        assertThat(entry.toString()).doesNotContain(TOKEN_A);
    }

    @Test
    void replayPutsParkedRowsBackInTheQueueWithAFreshStart() {
        String a1 = outbox.store(notification(TOKEN_A, "1"), T0);
        String b1 = outbox.store(notification(TOKEN_B, "1"), T0);
        for (ClaimedCallback c : outbox.claimDue(T0, LEASE, 10)) {
            outbox.park(c, null, "connection refused");
        }
        Instant later = T0.plus(Duration.ofDays(2));
        assertThat(admin.counts()).isEqualTo(new OutboxCounts(0, 2));
        assertThat(admin.list(true, 10)).extracting(OutboxEntry::msgId).containsExactly(b1, a1);

        assertThat(admin.replay(a1, later)).isEqualTo(ReplayResult.REPLAYED);
        assertThat(admin.replay(a1, later)).isEqualTo(ReplayResult.NOT_PARKED);
        assertThat(admin.replay("U39990157nothing", later)).isEqualTo(ReplayResult.NOT_FOUND);
        assertThat(admin.list(true, 10)).extracting(OutboxEntry::msgId).containsExactly(b1);

        ClaimedCallback replayed = outbox.claimDue(later, LEASE, 10).get(0);
        assertThat(replayed.msgId()).isEqualTo(a1);
        assertThat(replayed.attempts()).isZero();
        assertThat(replayed.pendingSince()).isEqualTo(later);
        assertThat(replayed.createdAt()).isEqualTo(T0);

        assertThat(admin.replayAllParked(later)).isEqualTo(1);
        assertThat(admin.replayAllParked(later)).isZero();
        assertThat(admin.counts()).isEqualTo(new OutboxCounts(2, 0));
    }

    @Test
    void deliveredRowsArePurgedAfterTheirRetention() {
        outbox.store(notification(TOKEN_A, "1"), T0);
        String b1 = outbox.store(notification(TOKEN_B, "1"), T0);
        ClaimedCallback a = outbox.claimDue(T0, LEASE, 10).get(0);
        outbox.markDelivered(a, "00", T0.plusSeconds(1));

        assertThat(outbox.purgeDeliveredBefore(T0.plusSeconds(1))).isZero();
        assertThat(outbox.purgeDeliveredBefore(T0.plusSeconds(2))).isEqualTo(1);
        assertThat(admin.list(false, 10)).extracting(OutboxEntry::msgId).containsExactly(b1);
    }

    @Test
    void theStoredListenerRunsAfterAnEnqueueCommitted() {
        List<Integer> rowsSeen = new ArrayList<>();
        outbox.onStored(() -> rowsSeen.add(admin.list(false, 10).size()));

        outbox.enqueue(notification(TOKEN_A, "1"), T0);
        db().dsl().transaction(cfg -> outbox.insert(DSL.using(cfg), List.of(notification(TOKEN_B, "1")), T0));

        assertThat(rowsSeen).as("run once, when the row was visible").containsExactly(1);
    }

    @Test
    void onlyCallbackTypesForValidRecipientsAreStored() {
        TrxInfo trx = TrxInfo.builder().put("a", "b").build();
        assertThatThrownBy(() -> outbox.store(new Notification(APPGW, MessageType.BILL_PAYMENT, TOKEN_A, trx), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.store(
                new Notification("3999-0157", MessageType.CARD_STATUS_NOTIFICATION, TOKEN_A, trx), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(admin.list(false, 10)).isEmpty();
        assertThat(outbox.store(new Notification(APPGW, MessageType.CARD_STATUS_NOTIFICATION, TOKEN_A, trx), T0))
                .startsWith("U" + APPGW);
        assertThat(admin.list(false, 10).stream().map(OutboxEntry::msgType).collect(Collectors.toList()))
                .containsExactly("CARD_STATUS_NOTIFICATION");
    }
}
