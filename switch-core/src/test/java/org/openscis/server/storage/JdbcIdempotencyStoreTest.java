package org.openscis.server.storage;

import org.openscis.testing.Race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.storage.ClaimResult.Claimed;
import org.openscis.server.storage.ClaimResult.Existing;
import org.openscis.server.storage.ClaimResult.Status;

class JdbcIdempotencyStoreTest extends StorageTestBase {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.250Z");
    private static final String INS = "39990061";
    private static final String MSG = "U3999006120260301101530000001";
    private static final byte[] BODY = "{\"msgResponse\":{\"responseCode\":\"00\"}}".getBytes(StandardCharsets.UTF_8);

    private JdbcIdempotencyStore store;

    @BeforeEach
    void setUp() {
        store = new JdbcIdempotencyStore(db(), new DataCipher(DataKeyring.ephemeral(Clock.systemUTC())));
    }

    @Test
    void firstClaimWinsAndTheRetrySeesItInFlight() {
        assertThat(store.claim(INS, MSG, "CARD_ENROLLMENT", "fp1", T0)).isInstanceOf(Claimed.class);

        ClaimResult again = store.claim(INS, MSG, "CARD_ENROLLMENT", "fp1", T0.plusSeconds(1));

        assertThat(again).isEqualTo(new Existing("CARD_ENROLLMENT", "fp1", Status.IN_FLIGHT, null, null, T0));
        assertThat(((Existing) again).sameRequest("CARD_ENROLLMENT", "fp1")).isTrue();
        assertThat(((Existing) again).sameRequest("CARD_ENROLLMENT", "fp2")).isFalse();
        assertThat(((Existing) again).done()).isFalse();
    }

    @Test
    void anOpenClaimIsTakenOverOnceAndOnlyFromTheClaimTimeSeen() {
        store.claim(INS, MSG, "BILL_PAYMENT", "fp1", T0);
        assertThat(store.reclaim(INS, MSG, T0.plusSeconds(1), T0.plusSeconds(20))).as("not the claim seen").isFalse();
        assertThat(store.reclaim(INS, MSG, T0, T0.plusSeconds(20))).isTrue();
        assertThat(store.reclaim(INS, MSG, T0, T0.plusSeconds(21))).as("a second taker").isFalse();
        assertThat(store.find(INS, MSG)).hasValueSatisfying(e -> {
            assertThat(e.done()).isFalse();
            assertThat(e.createdAt()).isEqualTo(T0.plusSeconds(20));
        });
        store.complete(INS, MSG, "00", BODY, T0.plusSeconds(22));
        assertThat(store.reclaim(INS, MSG, T0.plusSeconds(20), T0.plusSeconds(40))).as("a done claim").isFalse();
    }

    @Test
    void completedResponseIsReturnedDecrypted() {
        store.claim(INS, MSG, "CARD_ENROLLMENT", "fp1", T0);
        store.complete(INS, MSG, "00", BODY, T0.plusMillis(40));

        Existing expected = new Existing("CARD_ENROLLMENT", "fp1", Status.DONE, "00", BODY, T0);
        assertThat(store.claim(INS, MSG, "CARD_ENROLLMENT", "fp2", T0.plusSeconds(3))).isEqualTo(expected);
        assertThat(store.find(INS, MSG)).contains(expected);
        assertThat(expected.toString()).doesNotContain("msgResponse").contains(BODY.length + " bytes");
    }

    @Test
    void onlyAPendingResponseIsSupersededAndOnlyOnce() {
        byte[] finalBody = "{\"final\":true}".getBytes(StandardCharsets.UTF_8);
        store.claim(INS, MSG, "BILL_PAYMENT", "fp1", T0);
        assertThat(store.supersedePending(INS, MSG, "00", finalBody, T0)).isFalse(); // still in flight
        store.complete(INS, MSG, "04", BODY, T0.plusSeconds(8));

        assertThat(store.supersedePending(INS, MSG, "00", finalBody, T0.plusSeconds(30))).isTrue();
        assertThat(store.supersedePending(INS, MSG, "91", BODY, T0.plusSeconds(31))).isFalse();
        assertThat(store.find(INS, MSG)).hasValueSatisfying(e -> {
            assertThat(e.responseCode()).isEqualTo("00");
            assertThat(e.response()).isEqualTo(finalBody);
        });

        store.claim(INS, "other", "BILL_PAYMENT", "fp1", T0);
        store.complete(INS, "other", "51", BODY, T0);
        assertThat(store.supersedePending(INS, "other", "00", finalBody, T0)).isFalse();
    }

    @Test
    void keysArePerParticipant() {
        assertThat(store.claim(INS, MSG, "CARD_ENROLLMENT", "fp1", T0)).isInstanceOf(Claimed.class);
        assertThat(store.claim("39990062", MSG, "CARD_ENROLLMENT", "fp1", T0)).isInstanceOf(Claimed.class);
        assertThat(store.find("39990063", MSG)).isEmpty();
    }

    @Test
    void completingWithoutAClaimIsAnError() {
        assertThatThrownBy(() -> store.complete(INS, MSG, "00", BODY, T0)).isInstanceOf(IllegalStateException.class);
        store.claim(INS, MSG, "CARD_ENROLLMENT", "fp1", T0);
        store.complete(INS, MSG, "00", BODY, T0);
        assertThatThrownBy(() -> store.complete(INS, MSG, "96", BODY, T0)).isInstanceOf(IllegalStateException.class);
        assertThat(store.find(INS, MSG)).get().extracting(Existing::responseCode).isEqualTo("00");
    }

    @Test
    void releasedClaimCanBeClaimedAgainButDoneRecordsStay() {
        store.claim(INS, MSG, "CARD_ENROLLMENT", "fp1", T0);
        store.release(INS, MSG);
        assertThat(store.find(INS, MSG)).isEmpty();
        assertThat(store.claim(INS, MSG, "CARD_ENROLLMENT", "fp1", T0)).isInstanceOf(Claimed.class);

        store.complete(INS, MSG, "00", BODY, T0);
        store.release(INS, MSG);
        assertThat(store.find(INS, MSG)).get().extracting(Existing::status).isEqualTo(Status.DONE);
    }

    @Test
    void purgesRecordsOlderThanTheCutoff() {
        store.claim(INS, "old-1", "CARD_ENROLLMENT", "fp", T0);
        store.claim(INS, "old-2", "CARD_ENROLLMENT", "fp", T0.plus(Duration.ofHours(1)));
        store.complete(INS, "old-2", "00", BODY, T0.plus(Duration.ofHours(1)));
        store.claim(INS, "new", "CARD_ENROLLMENT", "fp", T0.plus(Duration.ofHours(49)));

        assertThat(store.purgeOlderThan(T0.plus(Duration.ofHours(48)))).isEqualTo(2);

        assertThat(store.find(INS, "old-1")).isEmpty();
        assertThat(store.find(INS, "old-2")).isEmpty();
        assertThat(store.find(INS, "new")).isPresent();
    }

    @Test
    void responseCannotBeMovedToAnotherKey() {
        store.claim(INS, "a", "CARD_ENROLLMENT", "fp", T0);
        store.complete(INS, "a", "00", BODY, T0);
        store.claim(INS, "b", "CARD_ENROLLMENT", "fp", T0);
        store.complete(INS, "b", "00", "other".getBytes(StandardCharsets.UTF_8), T0);
        db().dsl().execute("UPDATE idempotency SET response_enc = (SELECT response_enc FROM idempotency"
                + " WHERE msg_id = 'a') WHERE msg_id = 'b'");

        assertThatThrownBy(() -> store.find(INS, "b"))
                .isInstanceOf(org.openscis.server.crypto.StoredDataException.class);
    }

    @Test
    void concurrentClaimsHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 10; round++) {
            String msgId = MSG + "-" + round;
            List<ClaimResult> results = Race.run(2, i -> store.claim(INS, msgId, "CARD_ENROLLMENT", "fp", T0));

            assertThat(results).filteredOn(r -> r instanceof Claimed).hasSize(1);
            assertThat(results).filteredOn(r -> r instanceof Existing).singleElement()
                    .isEqualTo(new Existing("CARD_ENROLLMENT", "fp", Status.IN_FLIGHT, null, null, T0));
        }
    }
}
