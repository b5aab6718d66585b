package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openscis.router.port.CardState.ACTIVE;
import static org.openscis.router.port.CardState.DELETED;
import static org.openscis.router.port.CardState.SUSPENDED;
import static org.openscis.server.storage.CardFixtures.T0;
import static org.openscis.server.storage.CardFixtures.card;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.router.MessageType;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.InsertResult;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.crypto.KeyedHash;
import org.openscis.server.outbox.ClaimedCallback;
import org.openscis.server.outbox.JdbcOutbox;
import org.openscis.server.storage.CardStateChange.Notified;
import org.openscis.server.storage.CardStateChange.Outcome;
import org.openscis.testing.Race;

/**
 * {@link JdbcCardStates} on H2 and PostgreSQL: each issuer or system change and its CARD_STATUS_NOTIFICATIONs commit
 * together (or not at all), one notification per live token whose reported state changes, none for deleted tokens.
 */
class JdbcCardStatesTest extends StorageTestBase {

    private static final String PAN = "6200001234567890";
    private static final String ACCOUNT = "4711000012345678";
    private static final String WALLET_A = "39990061";
    private static final String WALLET_B = "39990157";
    private static final String TOKEN_A = "6291000000000000018";
    private static final String TOKEN_B = "6291000000000000026";
    private static final String TOKEN_C = "6291000000000000034";
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private DataCipher cipher;
    private JdbcCardRepository repo;
    private JdbcOutbox outbox;
    private JdbcCardStates states;

    @BeforeEach
    void setUp() {
        DataKeyring keyring = DataKeyring.ephemeral(Clock.fixed(T0, ZoneOffset.UTC));
        cipher = new DataCipher(keyring);
        repo = new JdbcCardRepository(db(), cipher, new KeyedHash(keyring));
        outbox = new JdbcOutbox(db(), cipher, new SequenceAllocator(db()));
        states = new JdbcCardStates(db(), cipher, outbox);
    }

    /** Card c1 (expiry 2903) with a token per entry, created in map order, each in the given state. */
    private void cardWithTokens(String expiry, Map<String, CardState> tokens) {
        CardRecord c = new CardRecord("c1", PAN, expiry, CardFixtures.IIN, CardFixtures.PRODUCT, ACCOUNT,
                "Virtual Card", "100205", ACTIVE, StateReason.NONE, T0);
        boolean first = true;
        int i = 0;
        for (Map.Entry<String, CardState> e : tokens.entrySet()) {
            TokenRecord t = new TokenRecord(e.getKey(), "c1", i % 2 == 0 ? WALLET_A : WALLET_B, "device-" + i,
                    "user-1", "290331235959", e.getValue(), T0.plusMillis(i), T0.plusMillis(i));
            assertThat(first ? repo.insertCardWithToken(c, t) : repo.insertToken(t)).isEqualTo(InsertResult.INSERTED);
            first = false;
            i++;
        }
    }

    private void threeTokens() {
        cardWithTokens("2903", linked(TOKEN_A, ACTIVE, TOKEN_B, ACTIVE, TOKEN_C, DELETED));
    }

    private static Map<String, CardState> linked(Object... pairs) {
        Map<String, CardState> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (CardState) pairs[i + 1]);
        }
        return m;
    }

    /** Every stored callback, claimed and decrypted: token → tokenState, checking recipient, type and order key. */
    private Map<String, String> callbacks(Instant at) {
        List<ClaimedCallback> claimed = outbox.claimDue(at, Duration.ofSeconds(30), 100);
        for (ClaimedCallback c : claimed) {
            assertThat(c.msgType()).isEqualTo(MessageType.CARD_STATUS_NOTIFICATION.name());
            assertThat(c.orderKey()).isEqualTo(c.trxInfo().string("token"));
            assertThat(c.recipientInsId()).isEqualTo(repo.findToken(c.orderKey()).orElseThrow().insId());
            assertThat(c.trxInfo().names()).containsExactlyInAnyOrder("token", "tokenState");
        }
        return claimed.stream().collect(Collectors.toMap(c -> c.trxInfo().string("token"),
                c -> c.trxInfo().string("tokenState")));
    }

    private int outboxRows() {
        return db().dsl().fetchCount(DSL.table(DSL.name("outbox")));
    }

    private CardRecord card1() {
        return repo.findCardById("c1").orElseThrow();
    }

    @Test
    void suspendingACardNotifiesEachLiveTokenOnceAndNoDeletedOne() {
        threeTokens();

        CardStateChange change = states.changeCard("c1", SUSPENDED, StateReason.LOST, NOW);

        assertThat(change.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(change.before()).isEqualTo(ACTIVE);
        assertThat(change.after()).isEqualTo(SUSPENDED);
        assertThat(change.notified()).containsExactly(new Notified(TOKEN_A, WALLET_A, SUSPENDED),
                new Notified(TOKEN_B, WALLET_B, SUSPENDED));
        assertThat(card1().state()).isEqualTo(SUSPENDED);
        assertThat(card1().reason()).isEqualTo(StateReason.LOST);
        assertThat(repo.findToken(TOKEN_A).orElseThrow().state()).as("the token's own state").isEqualTo(ACTIVE);
        assertThat(callbacks(NOW)).containsExactlyInAnyOrderEntriesOf(
                Map.of(TOKEN_A, "SUSPENDED", TOKEN_B, "SUSPENDED"));
    }

    @Test
    void aTokenTheWalletSuspendedIsNotNotifiedWhenItsCardIsSuspendedOrResumed() {
        cardWithTokens("2903", linked(TOKEN_A, ACTIVE, TOKEN_B, SUSPENDED));

        assertThat(states.changeCard("c1", SUSPENDED, null, NOW).notified())
                .containsExactly(new Notified(TOKEN_A, WALLET_A, SUSPENDED));
        assertThat(card1().reason()).isEqualTo(StateReason.NONE);
        CardStateChange resumed = states.changeCard("c1", ACTIVE, null, NOW.plusSeconds(1));

        assertThat(resumed.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(resumed.notified()).containsExactly(new Notified(TOKEN_A, WALLET_A, ACTIVE));
        assertThat(card1().state()).isEqualTo(ACTIVE);
        assertThat(outboxRows()).isEqualTo(2);
    }

    @Test
    void deletingACardDeletesItsLiveTokensNotifiesThemAndFreesItsSlots() {
        cardWithTokens("2903", linked(TOKEN_A, ACTIVE, TOKEN_B, SUSPENDED, TOKEN_C, DELETED));
        long deletedTokenUpdate = repo.findToken(TOKEN_C).orElseThrow().updatedAt().toEpochMilli();

        CardStateChange change = states.changeCard("c1", DELETED, StateReason.FRAUD, NOW);

        assertThat(change.notified()).containsExactly(new Notified(TOKEN_A, WALLET_A, DELETED),
                new Notified(TOKEN_B, WALLET_B, DELETED));
        assertThat(repo.findTokensByCard("c1")).allSatisfy(t -> assertThat(t.state()).isEqualTo(DELETED));
        assertThat(repo.findToken(TOKEN_A).orElseThrow().updatedAt()).isEqualTo(NOW);
        assertThat(repo.findToken(TOKEN_C).orElseThrow().updatedAt().toEpochMilli()).isEqualTo(deletedTokenUpdate);
        assertThat(card1().state()).isEqualTo(DELETED);
        assertThat(card1().reason()).isEqualTo(StateReason.FRAUD);
        assertThat(callbacks(NOW)).containsExactlyInAnyOrderEntriesOf(Map.of(TOKEN_A, "DELETED", TOKEN_B, "DELETED"));
        // the account's product slot is free for a new card
        assertThat(repo.insertCardWithToken(card("c2", "6200009876543217", ACCOUNT),
                new TokenRecord("6291000000000000042", "c2", WALLET_A, "device-0", "user-1", "290331235959", ACTIVE,
                        NOW, NOW))).isEqualTo(InsertResult.INSERTED);
    }

    @Test
    void aDeletedCardIsTerminal() {
        threeTokens();
        states.changeCard("c1", DELETED, null, NOW);
        int rows = outboxRows();

        assertThat(states.changeCard("c1", ACTIVE, null, NOW).outcome()).isEqualTo(Outcome.TERMINAL);
        assertThat(states.changeCard("c1", SUSPENDED, StateReason.LOST, NOW).outcome()).isEqualTo(Outcome.TERMINAL);
        assertThat(states.changeCard("c1", DELETED, StateReason.LOST, NOW).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(states.changeToken(TOKEN_A, ACTIVE, NOW).outcome()).isEqualTo(Outcome.TERMINAL);
        assertThat(states.expire("c1", Instant.parse("2031-01-01T00:00:00Z")).outcome()).isEqualTo(Outcome.UNCHANGED);

        assertThat(card1().state()).isEqualTo(DELETED);
        assertThat(card1().reason()).isEqualTo(StateReason.NONE);
        assertThat(outboxRows()).isEqualTo(rows);
    }

    @Test
    void theSameStateAndReasonAgainChangesNothingAndAnotherReasonNotifiesNobody() {
        threeTokens();
        states.changeCard("c1", SUSPENDED, StateReason.LOST, NOW);

        CardStateChange again = states.changeCard("c1", SUSPENDED, StateReason.LOST, NOW);
        CardStateChange stolen = states.changeCard("c1", SUSPENDED, StateReason.STOLEN, NOW);

        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.notified()).isEmpty();
        assertThat(stolen.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(stolen.notified()).as("the wallets still see SUSPENDED").isEmpty();
        assertThat(card1().reason()).isEqualTo(StateReason.STOLEN);
        assertThat(outboxRows()).isEqualTo(2);
    }

    @Test
    void anActiveCardHasNoReason() {
        threeTokens();

        assertThatThrownBy(() -> states.changeCard("c1", ACTIVE, StateReason.LOST, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(states.changeCard("c1", ACTIVE, StateReason.NONE, NOW).outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void aCardPastItsExpiryCannotBeMadeActive() {
        cardWithTokens("2602", linked(TOKEN_A, ACTIVE));
        Instant march = Instant.parse("2026-03-01T00:00:00Z");
        states.changeCard("c1", SUSPENDED, StateReason.LOST, march.minusSeconds(60));

        assertThat(states.changeCard("c1", ACTIVE, null, march.minusMillis(1)).outcome()).isEqualTo(Outcome.CHANGED);
        states.changeCard("c1", SUSPENDED, StateReason.LOST, march);
        CardStateChange refused = states.changeCard("c1", ACTIVE, null, march);

        assertThat(refused.outcome()).isEqualTo(Outcome.CARD_EXPIRED);
        assertThat(card1().state()).isEqualTo(SUSPENDED);
        assertThat(outboxRows()).isEqualTo(3);
    }

    @Test
    void unknownCardsAndTokensAreNotFound() {
        assertThat(states.changeCard("nope", SUSPENDED, null, NOW).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(states.changeToken(TOKEN_A, SUSPENDED, NOW).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(states.expire("nope", NOW).outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void theStateChangeAndItsNotificationsCommitTogether() {
        threeTokens();
        ScratchOutbox scratch = ScratchOutbox.on(db());
        JdbcCardStates scratchStates = new JdbcCardStates(db(), cipher, scratch);

        scratchStates.changeCard("c1", DELETED, null, NOW);

        Database otherNode = testDb.openAnother();
        assertThat(ScratchOutbox.rows(otherNode)).isEqualTo(2);
        assertThat(new JdbcCardRepository(otherNode, cipher, new KeyedHash(DataKeyring.ephemeral(Clock.systemUTC())))
                .findTokensByCard("c1")).allSatisfy(t -> assertThat(t.state()).isEqualTo(DELETED));
    }

    @Test
    void aFailingOutboxRollsTheStateChangeBack() {
        threeTokens();
        ScratchOutbox scratch = ScratchOutbox.on(db());
        scratch.failAfterWriting(true);
        JdbcCardStates failing = new JdbcCardStates(db(), cipher, scratch);

        assertThatThrownBy(() -> failing.changeCard("c1", DELETED, StateReason.FRAUD, NOW))
                .hasMessageContaining("told to fail");
        assertThatThrownBy(() -> failing.changeToken(TOKEN_A, SUSPENDED, NOW)).hasMessageContaining("told to fail");
        assertThatThrownBy(() -> failing.expire("c1", Instant.parse("2029-04-01T00:00:00Z")))
                .hasMessageContaining("told to fail");

        assertThat(scratch.calls()).isEqualTo(3);
        assertThat(ScratchOutbox.rows(db())).isZero();
        assertThat(card1().state()).isEqualTo(ACTIVE);
        assertThat(card1().reason()).isEqualTo(StateReason.NONE);
        assertThat(repo.findToken(TOKEN_A).orElseThrow().state()).isEqualTo(ACTIVE);
        assertThat(repo.findToken(TOKEN_B).orElseThrow().state()).isEqualTo(ACTIVE);
        // the live slots were restored with the states: the account and the device are still taken
        assertThat(repo.insertToken(new TokenRecord("6291000000000000042", "c1", WALLET_A, "device-0", "user-1",
                "290331235959", ACTIVE, NOW, NOW))).isEqualTo(InsertResult.ALREADY_LIVE);
    }

    @Test
    void anIssuerTokenChangeNotifiesOnlyWhenTheWalletSeesAnotherState() {
        threeTokens();

        CardStateChange suspended = states.changeToken(TOKEN_A, SUSPENDED, NOW);
        assertThat(suspended.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(suspended.notified()).containsExactly(new Notified(TOKEN_A, WALLET_A, SUSPENDED));
        assertThat(repo.findToken(TOKEN_A).orElseThrow().state()).isEqualTo(SUSPENDED);
        assertThat(card1().state()).as("the card is untouched").isEqualTo(ACTIVE);
        assertThat(states.changeToken(TOKEN_A, SUSPENDED, NOW).outcome()).isEqualTo(Outcome.UNCHANGED);

        states.changeCard("c1", SUSPENDED, StateReason.LOST, NOW);
        CardStateChange resumedOnSuspendedCard = states.changeToken(TOKEN_A, ACTIVE, NOW);
        assertThat(resumedOnSuspendedCard.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(resumedOnSuspendedCard.notified()).as("the wallet still sees SUSPENDED").isEmpty();

        CardStateChange deleted = states.changeToken(TOKEN_B, DELETED, NOW);
        assertThat(deleted.notified()).containsExactly(new Notified(TOKEN_B, WALLET_B, DELETED));
        assertThat(states.changeToken(TOKEN_B, DELETED, NOW).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(states.changeToken(TOKEN_B, ACTIVE, NOW).outcome()).isEqualTo(Outcome.TERMINAL);
        // its device is free for a new token of the card
        assertThat(repo.insertToken(new TokenRecord("6291000000000000042", "c1", WALLET_B, "device-1", "user-1",
                "290331235959", ACTIVE, NOW, NOW))).isEqualTo(InsertResult.INSERTED);
    }

    @Test
    void expiryMarksAnActiveCardSuspendedExpiredOnceFromTheFirstInstantAfterItsMonth() {
        cardWithTokens("2602", linked(TOKEN_A, ACTIVE, TOKEN_B, SUSPENDED, TOKEN_C, DELETED));
        Instant march = Instant.parse("2026-03-01T00:00:00Z");

        assertThat(states.expiryCandidates(march.minusMillis(1), 10)).isEmpty();
        assertThat(states.expire("c1", march.minusMillis(1)).outcome()).isEqualTo(Outcome.NOT_DUE);
        assertThat(states.expiryCandidates(march, 10)).containsExactly("c1");
        CardStateChange expired = states.expire("c1", march);

        assertThat(expired.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(expired.notified()).containsExactly(new Notified(TOKEN_A, WALLET_A, SUSPENDED));
        assertThat(card1().state()).isEqualTo(SUSPENDED);
        assertThat(card1().reason()).isEqualTo(StateReason.EXPIRED);
        assertThat(states.expire("c1", march.plusSeconds(60)).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(states.expiryCandidates(march.plusSeconds(60), 10)).isEmpty();
        assertThat(callbacks(march)).containsExactlyEntriesOf(Map.of(TOKEN_A, "SUSPENDED"));
    }

    @Test
    void onlyActiveCardsPastTheirExpiryAreCandidates() {
        standalone("due", "6200000000000018", "2601", ACTIVE, StateReason.NONE, "6291000000000001001");
        standalone("later", "6200000000000026", "2605", ACTIVE, StateReason.NONE, "6291000000000001002");
        standalone("lost", "6200000000000034", "2601", SUSPENDED, StateReason.LOST, "6291000000000001003");
        Instant june = Instant.parse("2026-06-01T00:00:00Z");

        assertThat(states.expiryCandidates(NOW, 10)).containsExactly("due");
        assertThat(states.expiryCandidates(june, 10)).containsExactly("due", "later");
        assertThat(states.expiryCandidates(june, 1)).containsExactly("due");
        assertThatThrownBy(() -> states.expiryCandidates(NOW, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> states.expiryCandidates(NOW, JdbcCardStates.MAX_CANDIDATES + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A card without an account, with one ACTIVE token. */
    private void standalone(String cardId, String pan, String expiry, CardState state, StateReason reason,
            String token) {
        repo.insertCardWithToken(new CardRecord(cardId, pan, expiry, CardFixtures.IIN, CardFixtures.PRODUCT, null,
                "Virtual Card", "100205", state, reason, T0), new TokenRecord(token, cardId, WALLET_A, "device",
                "user-1", "290331235959", ACTIVE, T0, T0));
    }

    @Test
    void cardsStoredBeforeTheExpiryColumnAreFilledWhenFirstSeen() {
        cardWithTokens("2903", linked(TOKEN_A, ACTIVE));
        db().dsl().execute("UPDATE cards SET expires_at = NULL");

        assertThat(states.expiryCandidates(NOW, 10)).as("not known yet").containsExactly("c1");
        assertThat(states.expire("c1", NOW).outcome()).isEqualTo(Outcome.NOT_DUE);

        assertThat(states.expiryCandidates(NOW, 10)).isEmpty();
        assertThat(db().dsl().fetchValue("SELECT expires_at FROM cards WHERE card_id = 'c1'"))
                .isEqualTo(Instant.parse("2029-04-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void aCardWhoseExpiryCannotBeReadCountsAsExpired() {
        cardWithTokens("2903", linked(TOKEN_A, ACTIVE));
        db().dsl().execute("UPDATE cards SET expires_at = NULL");
        JdbcCardStates otherKeys = new JdbcCardStates(db(), new DataCipher(DataKeyring.ephemeral(Clock.systemUTC())),
                outbox);

        CardStateChange change = otherKeys.expire("c1", NOW);

        assertThat(change.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(card1().reason()).isEqualTo(StateReason.EXPIRED);
    }

    @Test
    void twoNodesExpiringTheSameCardChangeItAndNotifyOnce() throws Exception {
        cardWithTokens("2602", linked(TOKEN_A, ACTIVE, TOKEN_B, ACTIVE));
        Database other = testDb.openAnother();
        JdbcCardStates otherNode = new JdbcCardStates(other, cipher, new JdbcOutbox(other, cipher,
                new SequenceAllocator(other)));
        Instant april = Instant.parse("2026-04-01T00:00:00Z");

        List<Outcome> outcomes = Race.run(4, i -> (i % 2 == 0 ? states : otherNode).expire("c1", april).outcome());

        assertThat(outcomes).containsOnlyOnce(Outcome.CHANGED);
        assertThat(outcomes).filteredOn(o -> o != Outcome.CHANGED).containsOnly(Outcome.UNCHANGED);
        assertThat(outboxRows()).isEqualTo(2);
    }

    @Test
    void anIssuerDeletionRacingTheExpiryLeavesTheWalletOnDeleted() throws Exception {
        cardWithTokens("2602", linked(TOKEN_A, ACTIVE));
        Database other = testDb.openAnother();
        JdbcCardStates otherNode = new JdbcCardStates(other, cipher, new JdbcOutbox(other, cipher,
                new SequenceAllocator(other)));
        Instant april = Instant.parse("2026-04-01T00:00:00Z");

        List<Outcome> outcomes = Race.run(2, i -> (i == 0 ? states.expire("c1", april)
                : otherNode.changeCard("c1", DELETED, null, april)).outcome());

        assertThat(card1().state()).isEqualTo(DELETED);
        List<String> told = deliverAll(april, TOKEN_A);
        // either the expiry came first (SUSPENDED, then DELETED) or the deletion did (the expiry then found nothing)
        assertThat(told).isEqualTo(outcomes.get(0) == Outcome.CHANGED ? List.of("SUSPENDED", "DELETED")
                : List.of("DELETED"));
    }

    /** The tokenStates told about {@code token}, in delivery order (each delivered before the next is claimed). */
    private List<String> deliverAll(Instant at, String token) {
        List<String> told = new java.util.ArrayList<>();
        for (List<ClaimedCallback> batch = outbox.claimDue(at, Duration.ofSeconds(30), 10); !batch.isEmpty();
                batch = outbox.claimDue(at, Duration.ofSeconds(30), 10)) {
            for (ClaimedCallback c : batch) {
                assertThat(c.orderKey()).isEqualTo(token);
                told.add(c.trxInfo().string("tokenState"));
                outbox.markDelivered(c, "00", at);
            }
        }
        return told;
    }
}
