package org.openscis.server.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.crypto.KeyedHash;
import org.openscis.server.outbox.ClaimedCallback;
import org.openscis.server.outbox.JdbcOutbox;
import org.openscis.server.storage.Database;
import org.openscis.server.storage.JdbcCardRepository;
import org.openscis.server.storage.JdbcCardStates;
import org.openscis.server.storage.SequenceAllocator;
import org.openscis.server.testing.MutableClock;

/** {@link CardExpirySweep} with a clock the test moves across month ends (H2; the storage suite covers PostgreSQL). */
class CardExpirySweepTest {

    private static final Instant CREATED = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant END_OF_MARCH = Instant.parse("2026-03-31T23:59:59.999Z");
    private static final String WALLET = "39990157";

    private final MutableClock clock = new MutableClock(END_OF_MARCH);
    private Database db;
    private DataCipher cipher;
    private JdbcCardRepository cards;
    private JdbcOutbox outbox;
    private JdbcCardStates states;

    @BeforeEach
    void open() {
        db = Database.openH2InMemory("expiry_sweep");
        DataKeyring keyring = DataKeyring.ephemeral(Clock.systemUTC());
        cipher = new DataCipher(keyring);
        cards = new JdbcCardRepository(db, cipher, new KeyedHash(keyring));
        outbox = new JdbcOutbox(db, cipher, new SequenceAllocator(db));
        states = new JdbcCardStates(db, cipher, outbox);
    }

    @AfterEach
    void close() {
        db.dsl().execute("DROP ALL OBJECTS");
        db.close();
    }

    /** A card expiring at the end of month {@code yymm}, with an ACTIVE and a DELETED token. */
    private void card(String id, String pan, String yymm, String liveToken, String deletedToken) {
        cards.insertCardWithToken(new CardRecord(id, pan, yymm, "62000001", "1003", null, "Virtual Card", "100101",
                CardState.ACTIVE, StateReason.NONE, CREATED), token(liveToken, id, "d1", CardState.ACTIVE));
        cards.insertToken(token(deletedToken, id, "d2", CardState.DELETED));
    }

    private static TokenRecord token(String token, String cardId, String device, CardState state) {
        return new TokenRecord(token, cardId, WALLET, device, "user", "260331235959", state, CREATED, CREATED);
    }

    private CardRecord card(String id) {
        return cards.findCardById(id).orElseThrow();
    }

    private Map<String, String> notifications() {
        List<ClaimedCallback> claimed = outbox.claimDue(clock.instant(), Duration.ofSeconds(30), 100);
        claimed.forEach(c -> outbox.markDelivered(c, "00", clock.instant()));
        return claimed.stream().collect(Collectors.toMap(ClaimedCallback::orderKey,
                c -> c.msgType() + " " + c.trxInfo().string("tokenState")));
    }

    @Test
    void aCardIsSuspendedWithReasonExpiredOnceItsMonthIsOverAndItsLiveTokensAreNotified() {
        card("march", "6235100000000011", "2603", "6292000000000000011", "6292000000000000029");
        card("april", "6235100000000029", "2604", "6292000000000000037", "6292000000000000045");
        CardExpirySweep sweep = new CardExpirySweep(states, clock, 100);

        assertThat(sweep.sweep()).as("March is not over").isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(sweep.sweep()).isEqualTo(1);

        assertThat(card("march").state()).isEqualTo(CardState.SUSPENDED);
        assertThat(card("march").reason()).isEqualTo(StateReason.EXPIRED);
        assertThat(card("april").state()).isEqualTo(CardState.ACTIVE);
        assertThat(notifications()).containsExactlyEntriesOf(
                Map.of("6292000000000000011", "CARD_STATUS_NOTIFICATION SUSPENDED"));

        clock.advance(Duration.ofDays(1));
        assertThat(sweep.sweep()).as("once").isZero();
        assertThat(notifications()).isEmpty();

        clock.set(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(card("april").reason()).isEqualTo(StateReason.EXPIRED);
        assertThat(notifications()).containsOnlyKeys("6292000000000000037");
    }

    @Test
    void aRunLooksAtMostAtMaxPerRunCardsAndTheNextRunContinues() {
        card("a", "6235100000000011", "2603", "6292000000000000011", "6292000000000000029");
        card("b", "6235100000000029", "2603", "6292000000000000037", "6292000000000000045");
        card("c", "6235100000000037", "2603", "6292000000000000052", "6292000000000000060");
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        CardExpirySweep sweep = new CardExpirySweep(states, clock, 2);

        assertThat(sweep.sweep()).isEqualTo(2);
        assertThat(sweep.sweep()).isEqualTo(1);
        assertThat(sweep.sweep()).isZero();
        assertThat(db.dsl().fetchCount(DSL.table(DSL.name("outbox")))).isEqualTo(3);
    }

    @Test
    void twoNodesSweepingTogetherExpireEachCardOnce() {
        card("a", "6235100000000011", "2603", "6292000000000000011", "6292000000000000029");
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        CardExpirySweep one = new CardExpirySweep(states, clock, 10);
        CardExpirySweep other = new CardExpirySweep(new JdbcCardStates(db, cipher, outbox), clock, 10);

        assertThat(one.sweep() + other.sweep()).isEqualTo(1);
        assertThat(db.dsl().fetchCount(DSL.table(DSL.name("outbox")))).isEqualTo(1);
    }

    @Test
    void aFailedRunIsLoggedAndTheNextOneRetries() {
        card("a", "6235100000000011", "2603", "6292000000000000011", "6292000000000000029");
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        CardExpirySweep sweep = new CardExpirySweep(states, clock, 10);
        db.dsl().execute("ALTER TABLE outbox RENAME TO outbox_away");

        sweep.run();
        assertThat(card("a").state()).isEqualTo(CardState.ACTIVE);

        db.dsl().execute("ALTER TABLE outbox_away RENAME TO outbox");
        sweep.run();
        assertThat(card("a").state()).isEqualTo(CardState.SUSPENDED);
    }

    @Test
    void maxPerRunMustBePositive() {
        assertThatThrownBy(() -> new CardExpirySweep(states, clock, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
