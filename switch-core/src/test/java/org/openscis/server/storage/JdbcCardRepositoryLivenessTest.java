package org.openscis.server.storage;

import org.openscis.testing.Race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openscis.router.port.InsertResult.ALREADY_LIVE;
import static org.openscis.router.port.InsertResult.INSERTED;
import static org.openscis.router.port.InsertResult.NUMBER_TAKEN;
import static org.openscis.server.storage.CardFixtures.IIN;
import static org.openscis.server.storage.CardFixtures.T0;
import static org.openscis.server.storage.CardFixtures.card;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.codec.card.Luhn;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.InsertResult;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.crypto.KeyedHash;

/**
 * The liveness rules of {@link JdbcCardRepository}: one live token per card and device, one live card per (issuer,
 * account, product), enforced by the database even when inserts race on several nodes.
 */
class JdbcCardRepositoryLivenessTest extends StorageTestBase {

    private static final String ACCOUNT = "4711000012345678";
    private static final String DEVICE = "device-A";
    /** Fewer than the test pool's connections, so every racer holds one at the same time. */
    private static final int RACERS = 4;

    private DataKeyring keyring;
    private JdbcCardRepository repo;
    private int serial;

    @BeforeEach
    void setUp() {
        keyring = DataKeyring.ephemeral(Clock.fixed(T0, ZoneOffset.UTC));
        repo = new JdbcCardRepository(db(), new DataCipher(keyring), new KeyedHash(keyring));
    }

    /** A distinct valid PAN per call. */
    private String nextPan() {
        return Luhn.withCheckDigit(String.format("620000%09d", ++serial));
    }

    private static TokenRecord token(String number, String cardId, String device) {
        return new TokenRecord(number, cardId, "39990061", device, "user-1", "290331235959", CardState.ACTIVE, T0, T0);
    }

    private static String tokenNumber(int n) {
        return Luhn.withCheckDigit(String.format("629100000%09d", n));
    }

    /** A card of {@code product} on {@code account} with a first token on another device. */
    private CardRecord storeCard(String cardId, String account, String product) {
        CardRecord card = card(cardId, nextPan(), account, product);
        assertThat(repo.insertCardWithToken(card, token(tokenNumber(++serial), cardId, "first-device")))
                .isEqualTo(INSERTED);
        return card;
    }

    @Test
    void aSecondLiveTokenOfACardOnOneDeviceIsRefusedAndNothingIsStored() {
        storeCard("c1", ACCOUNT, "1003");
        TokenRecord first = token(tokenNumber(101), "c1", DEVICE);
        assertThat(repo.insertToken(first)).isEqualTo(INSERTED);

        assertThat(repo.insertToken(token(tokenNumber(102), "c1", DEVICE))).isEqualTo(ALREADY_LIVE);
        assertThat(repo.findToken(tokenNumber(102))).isEmpty();

        assertThat(repo.updateTokenState(first.token(), CardState.ACTIVE,
                first.withState(CardState.SUSPENDED, T0.plusSeconds(1)))).isTrue();
        assertThat(repo.insertToken(token(tokenNumber(103), "c1", DEVICE))).as("suspended is still live")
                .isEqualTo(ALREADY_LIVE);
    }

    @Test
    void aLiveDuplicateWinsOverATakenNumber() {
        storeCard("c1", ACCOUNT, "1003");
        TokenRecord first = token(tokenNumber(101), "c1", DEVICE);
        repo.insertToken(first);

        assertThat(repo.insertToken(first)).isEqualTo(ALREADY_LIVE);
        assertThat(repo.insertToken(token(first.token(), "c1", "device-B"))).isEqualTo(NUMBER_TAKEN);
    }

    @Test
    void otherDevicesAndOtherCardsAreFree() {
        storeCard("c1", ACCOUNT, "1003");
        storeCard("c2", ACCOUNT, "1004");

        assertThat(repo.insertToken(token(tokenNumber(101), "c1", DEVICE))).isEqualTo(INSERTED);
        assertThat(repo.insertToken(token(tokenNumber(102), "c1", "device-B"))).isEqualTo(INSERTED);
        assertThat(repo.insertToken(token(tokenNumber(103), "c2", DEVICE))).isEqualTo(INSERTED);
    }

    @Test
    void deletingTheTokenFreesTheDeviceAgainAndAgain() {
        storeCard("c1", ACCOUNT, "1003");
        for (int i = 0; i < 3; i++) {
            TokenRecord live = token(tokenNumber(101 + i), "c1", DEVICE);
            assertThat(repo.insertToken(live)).as("enrolment %d", i).isEqualTo(INSERTED);
            assertThat(repo.updateTokenState(live.token(), CardState.ACTIVE,
                    live.withState(CardState.DELETED, T0.plusSeconds(i + 1)))).isTrue();
        }
        assertThat(repo.findTokensByCard("c1")).filteredOn(t -> t.deviceId().equals(DEVICE))
                .hasSize(3).allSatisfy(t -> assertThat(t.state()).isEqualTo(CardState.DELETED));
        assertThat(repo.insertToken(token(tokenNumber(110), "c1", DEVICE))).isEqualTo(INSERTED);
    }

    @Test
    void aDeletedTokenCanBeStoredNextToALiveOne() {
        storeCard("c1", ACCOUNT, "1003");
        repo.insertToken(token(tokenNumber(101), "c1", DEVICE));
        TokenRecord deleted = token(tokenNumber(102), "c1", DEVICE).withState(CardState.DELETED, T0);
        assertThat(repo.insertToken(deleted)).isEqualTo(INSERTED);
    }

    @Test
    void aDeletedTokenCannotBeRevived() {
        storeCard("c1", ACCOUNT, "1003");
        TokenRecord live = token(tokenNumber(101), "c1", DEVICE);
        repo.insertToken(live);
        TokenRecord deleted = live.withState(CardState.DELETED, T0.plusSeconds(1));
        repo.updateTokenState(live.token(), CardState.ACTIVE, deleted);

        assertThatThrownBy(() -> repo.updateTokenState(live.token(), CardState.DELETED,
                deleted.withState(CardState.ACTIVE, T0.plusSeconds(2)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(repo.findToken(live.token())).contains(deleted);
    }

    @Test
    void aSecondLiveCardOfAProductOnAnAccountIsRefusedAndNothingIsStored() {
        storeCard("c1", ACCOUNT, "1003");
        CardRecord twin = card("c2", nextPan(), ACCOUNT, "1003");

        assertThat(repo.insertCardWithToken(twin, token(tokenNumber(101), "c2", DEVICE))).isEqualTo(ALREADY_LIVE);
        assertThat(repo.findCardById("c2")).isEmpty();
        assertThat(repo.findToken(tokenNumber(101))).isEmpty();

        repo.updateCardState("c1", CardState.SUSPENDED, StateReason.LOST);
        assertThat(repo.insertCardWithToken(card("c3", nextPan(), ACCOUNT, "1003"),
                token(tokenNumber(102), "c3", DEVICE))).as("suspended is still live").isEqualTo(ALREADY_LIVE);
    }

    @Test
    void otherProductsAccountsIssuersAndCardsWithoutAccountAreFree() {
        storeCard("c1", ACCOUNT, "1003");
        storeCard("c2", ACCOUNT, "1004");
        storeCard("c3", "4711000099999999", "1003");
        CardRecord otherIssuer = new CardRecord("c4", nextPan(), "2903", "62000002", "1003", ACCOUNT, "Virtual Card",
                "100205", CardState.ACTIVE, StateReason.NONE, T0);
        assertThat(repo.insertCardWithToken(otherIssuer, token(tokenNumber(101), "c4", DEVICE))).isEqualTo(INSERTED);
        storeCard("c5", null, "1003");
        storeCard("c6", null, "1003");
    }

    @Test
    void deletingTheCardFreesTheAccountAgainAndAgain() {
        for (int i = 0; i < 3; i++) {
            storeCard("c" + i, ACCOUNT, "1003");
            repo.updateCardState("c" + i, CardState.DELETED, StateReason.NONE);
        }
        storeCard("c9", ACCOUNT, "1003");
        assertThat(repo.findCardsByAccount(IIN, ACCOUNT)).extracting(CardRecord::state)
                .containsExactly(CardState.DELETED, CardState.DELETED, CardState.DELETED, CardState.ACTIVE);
    }

    @Test
    void aDeletedCardIsNotRevived() {
        storeCard("c1", ACCOUNT, "1003");
        repo.updateCardState("c1", CardState.DELETED, StateReason.FRAUD);
        storeCard("c2", ACCOUNT, "1003");

        repo.updateCardState("c1", CardState.ACTIVE, StateReason.NONE);

        assertThat(repo.findCardById("c1")).get().extracting(CardRecord::state).isEqualTo(CardState.DELETED);
    }

    @Test
    void racingTokenInsertsOnTwoNodesHaveOneWinner() throws Exception {
        storeCard("c1", ACCOUNT, "1003");
        JdbcCardRepository otherNode = otherNode();

        List<InsertResult> results = Race.run(RACERS, i -> (i % 2 == 0 ? repo : otherNode)
                .insertToken(token(tokenNumber(200 + i), "c1", DEVICE)));

        assertThat(results).filteredOn(r -> r == INSERTED).hasSize(1);
        assertThat(results).filteredOn(r -> r == ALREADY_LIVE).hasSize(RACERS - 1);
        assertThat(repo.findTokensByCard("c1")).filteredOn(t -> t.deviceId().equals(DEVICE)).hasSize(1);
    }

    @Test
    void racingCardInsertsOnTwoNodesHaveOneWinner() throws Exception {
        JdbcCardRepository otherNode = otherNode();
        List<CardRecord> cards = List.of(card("r0", nextPan(), ACCOUNT, "1003"), card("r1", nextPan(), ACCOUNT, "1003"),
                card("r2", nextPan(), ACCOUNT, "1003"), card("r3", nextPan(), ACCOUNT, "1003"));

        List<InsertResult> results = Race.run(RACERS, i -> (i % 2 == 0 ? repo : otherNode)
                .insertCardWithToken(cards.get(i), token(tokenNumber(300 + i), "r" + i, DEVICE)));

        assertThat(results).filteredOn(r -> r == INSERTED).hasSize(1);
        assertThat(results).filteredOn(r -> r == ALREADY_LIVE).hasSize(RACERS - 1);
        assertThat(repo.findCardsByAccount(IIN, ACCOUNT)).hasSize(1);
    }

    /** A repository on a second pool over the same database, as another switch node would have. */
    private JdbcCardRepository otherNode() {
        return new JdbcCardRepository(testDb.openAnother(), new DataCipher(keyring), new KeyedHash(keyring));
    }
}
