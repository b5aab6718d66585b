package org.openscis.server.storage;

import org.openscis.testing.Race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openscis.router.port.InsertResult.INSERTED;
import static org.openscis.router.port.InsertResult.NUMBER_TAKEN;
import static org.openscis.server.storage.CardFixtures.IIN;
import static org.openscis.server.storage.CardFixtures.T0;
import static org.openscis.server.storage.CardFixtures.card;
import static org.openscis.server.storage.CardFixtures.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.crypto.KeyedHash;
import org.openscis.server.crypto.StoredDataException;

class JdbcCardRepositoryTest extends StorageTestBase {

    private static final String PAN = "6200001234567890";
    private static final String PAN2 = "6200009876543217";
    private static final String ACCOUNT = "4711000012345678";

    private DataKeyring keyring;
    private JdbcCardRepository repo;

    @BeforeEach
    void setUp() {
        keyring = DataKeyring.ephemeral(Clock.fixed(T0, ZoneOffset.UTC));
        repo = new JdbcCardRepository(db(), new DataCipher(keyring), new KeyedHash(keyring));
    }

    @Test
    void storesACardWithItsFirstTokenAndFindsItEveryWay() {
        CardRecord card = card("c1", PAN, ACCOUNT);
        TokenRecord token = token("6291000000000000018", "c1");

        assertThat(repo.insertCardWithToken(card, token)).isEqualTo(INSERTED);

        assertThat(repo.findCardById("c1")).contains(card);
        assertThat(repo.findCardByPan(PAN)).contains(card);
        assertThat(repo.findCardsByAccount(IIN, ACCOUNT)).containsExactly(card);
        assertThat(repo.findToken(token.token())).contains(token);
        assertThat(repo.findTokensByCard("c1")).containsExactly(token);
    }

    @Test
    void findsNothingForUnknownKeys() {
        assertThat(repo.findCardById("nope")).isEmpty();
        assertThat(repo.findCardByPan(PAN)).isEmpty();
        assertThat(repo.findCardsByAccount(IIN, ACCOUNT)).isEmpty();
        assertThat(repo.findToken("6291000000000000018")).isEmpty();
        assertThat(repo.findTokensByCard("nope")).isEmpty();
    }

    @Test
    void accountLookupIsPerIssuer() {
        repo.insertCardWithToken(card("c1", PAN, ACCOUNT), token("6291000000000000018", "c1"));
        assertThat(repo.findCardsByAccount("62000002", ACCOUNT)).isEmpty();
    }

    @Test
    void aCardWithoutAccountRoundTrips() {
        CardRecord card = new CardRecord("c1", PAN, "2903", IIN, "1003", null, "Debit Card", "100205",
                CardState.SUSPENDED, null, T0);
        assertThat(repo.insertCardWithToken(card, token("6291000000000000018", "c1"))).isEqualTo(INSERTED);
        assertThat(repo.findCardById("c1")).contains(card);
    }

    @Test
    void listsEveryCardOfAnAccountOldestFirst() {
        CardRecord first = card("c1", PAN, ACCOUNT);
        CardRecord second = new CardRecord("c2", PAN2, "2905", IIN, "1004", ACCOUNT, "Virtual Card", "100206",
                CardState.ACTIVE, StateReason.NONE, T0.plusSeconds(5));
        repo.insertCardWithToken(second, token("6291000000000000026", "c2"));
        repo.insertCardWithToken(first, token("6291000000000000018", "c1"));

        assertThat(repo.findCardsByAccount(IIN, ACCOUNT)).containsExactly(first, second);
    }

    @Test
    void refusesATakenPanAndStoresNothing() {
        repo.insertCardWithToken(card("c1", PAN, ACCOUNT), token("6291000000000000018", "c1"));

        assertThat(repo.insertCardWithToken(card("c2", PAN, ACCOUNT, "1004"),
                token("6291000000000000026", "c2"))).isEqualTo(NUMBER_TAKEN);

        assertThat(repo.findCardById("c2")).isEmpty();
        assertThat(repo.findToken("6291000000000000026")).isEmpty();
    }

    @Test
    void refusesATakenTokenAndRollsTheCardBack() {
        repo.insertCardWithToken(card("c1", PAN, ACCOUNT), token("6291000000000000018", "c1"));

        assertThat(repo.insertCardWithToken(card("c2", PAN2, ACCOUNT, "1004"),
                token("6291000000000000018", "c2"))).isEqualTo(NUMBER_TAKEN);

        assertThat(repo.findCardById("c2")).isEmpty();
        assertThat(repo.findCardByPan(PAN2)).isEmpty();
    }

    @Test
    void refusesATakenCardId() {
        repo.insertCardWithToken(card("c1", PAN, ACCOUNT), token("6291000000000000018", "c1"));
        assertThat(repo.insertCardWithToken(card("c1", PAN2, ACCOUNT, "1004"),
                token("6291000000000000026", "c1"))).isEqualTo(NUMBER_TAKEN);
    }

    @Test
    void addsMoreTokensToACard() {
        repo.insertCardWithToken(card("c1", PAN, ACCOUNT), token("6291000000000000018", "c1"));
        TokenRecord later = new TokenRecord("6291000000000000026", "c1", "39990061", "device-2", "user-1",
                "290331235959", CardState.ACTIVE, T0.plusSeconds(1), T0.plusSeconds(1));

        TokenRecord sameNumber = new TokenRecord(later.token(), "c1", "39990061", "device-3", "user-1",
                "290331235959", CardState.ACTIVE, T0.plusSeconds(2), T0.plusSeconds(2));

        assertThat(repo.insertToken(later)).isEqualTo(INSERTED);
        assertThat(repo.insertToken(sameNumber)).isEqualTo(NUMBER_TAKEN);

        assertThat(repo.findTokensByCard("c1")).extracting(TokenRecord::token)
                .containsExactly("6291000000000000018", "6291000000000000026");
    }

    @Test
    void updatesTokenStateOnlyFromTheExpectedState() {
        TokenRecord token = token("6291000000000000018", "c1");
        repo.insertCardWithToken(card("c1", PAN, ACCOUNT), token);
        TokenRecord suspended = token.withState(CardState.SUSPENDED, T0.plus(Duration.ofMinutes(1)));

        assertThat(repo.updateTokenState(token.token(), CardState.ACTIVE, suspended)).isTrue();
        assertThat(repo.updateTokenState(token.token(), CardState.ACTIVE,
                token.withState(CardState.DELETED, T0.plus(Duration.ofMinutes(2))))).isFalse();

        assertThat(repo.findToken(token.token())).contains(suspended);
        assertThat(repo.updateTokenState("6291000000000000026", CardState.ACTIVE,
                token("6291000000000000026", "c1"))).isFalse();
    }

    @Test
    void concurrentStateChangesHaveOneWinner() throws Exception {
        TokenRecord token = token("6291000000000000018", "c1");
        repo.insertCardWithToken(card("c1", PAN, ACCOUNT), token);

        long winners = Race.run(2, i -> repo.updateTokenState(token.token(), CardState.ACTIVE,
                token.withState(i == 0 ? CardState.SUSPENDED : CardState.DELETED, T0.plusSeconds(1))))
                .stream().filter(Boolean::booleanValue).count();

        assertThat(winners).isEqualTo(1);
    }

    @Test
    void changesCardState() {
        repo.insertCardWithToken(card("c1", PAN, ACCOUNT), token("6291000000000000018", "c1"));

        repo.updateCardState("c1", CardState.SUSPENDED, StateReason.LOST);

        assertThat(repo.findCardById("c1")).get()
                .satisfies(c -> assertThat(c.state()).isEqualTo(CardState.SUSPENDED))
                .satisfies(c -> assertThat(c.reason()).isEqualTo(StateReason.LOST));
        repo.updateCardState("unknown", CardState.DELETED, StateReason.FRAUD);
    }

    @Test
    void cardDataNeverReachesTheDatabaseInClear() throws Exception {
        repo.insertCardWithToken(card("c1", PAN, ACCOUNT), token("6291000000000000018", "c1"));
        repo.insertCardWithToken(card("c2", PAN2, ACCOUNT, "1004"), token("6291000000000000026", "c2"));
        JdbcIdempotencyStore idem = new JdbcIdempotencyStore(db(), new DataCipher(keyring));
        idem.claim("39990061", "U3999006120260301101530000001", "CARD_ENROLLMENT", "f1", T0);
        idem.complete("39990061", "U3999006120260301101530000001", "00",
                ("{\"pan\":\"" + PAN + "\",\"accountNo\":\"" + ACCOUNT + "\"}").getBytes(StandardCharsets.UTF_8), T0);

        ClearTextScan scan = new ClearTextScan(db(), PAN, PAN2, ACCOUNT);
        assertThat(scan.rowsScanned("cards")).isEqualTo(2);
        assertThat(scan.rowsScanned("tokens")).isEqualTo(2);
        assertThat(scan.rowsScanned("idempotency")).isEqualTo(1);
        assertThat(scan.findings()).isEmpty();
        if (testDb.h2File() != null) {
            db().dsl().execute("CHECKPOINT SYNC");
            assertThat(ClearTextScan.fileContains(testDb.h2File(), PAN, PAN2, ACCOUNT)).isEmpty();
        }
    }

    @Test
    void oldRowsStayReadableAfterKeyRotation() throws Exception {
        String firstKey = keyring.currentKeyId();
        repo.insertCardWithToken(card("c1", PAN, ACCOUNT), token("6291000000000000018", "c1"));

        String secondKey = keyring.rotate();
        repo.insertCardWithToken(card("c2", PAN2, ACCOUNT, "1004"), token("6291000000000000026", "c2"));

        assertThat(secondKey).isNotEqualTo(firstKey);
        assertThat(keyIdOf("c1")).isEqualTo(firstKey);
        assertThat(keyIdOf("c2")).isEqualTo(secondKey);
        assertThat(repo.findCardByPan(PAN)).map(CardRecord::pan).contains(PAN);
        assertThat(repo.findCardByPan(PAN2)).map(CardRecord::pan).contains(PAN2);
        assertThat(repo.findCardsByAccount(IIN, ACCOUNT)).hasSize(2);
    }

    @Test
    void ciphertextMovedToAnotherRowFailsToDecrypt() {
        repo.insertCardWithToken(card("c1", PAN, ACCOUNT), token("6291000000000000018", "c1"));
        repo.insertCardWithToken(card("c2", PAN2, ACCOUNT, "1004"), token("6291000000000000026", "c2"));
        byte[] c2Pan = panEnc("c2");

        db().dsl().update(DSL.table(DSL.name("cards")))
                .set(DSL.field(DSL.name("pan_enc"), byte[].class), c2Pan)
                .where(DSL.field(DSL.name("card_id"), String.class).eq("c1"))
                .execute();

        assertThatThrownBy(() -> repo.findCardById("c1"))
                .isInstanceOf(StoredDataException.class)
                .hasMessageContaining("failed authentication")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PAN).doesNotContain(PAN2));
    }

    @Test
    void recordsFromAnotherKeyringCannotBeRead() {
        repo.insertCardWithToken(card("c1", PAN, ACCOUNT), token("6291000000000000018", "c1"));
        DataKeyring other = DataKeyring.ephemeral(Clock.systemUTC());
        JdbcCardRepository stranger = new JdbcCardRepository(db(), new DataCipher(other), new KeyedHash(other));

        assertThat(stranger.findCardByPan(PAN)).isEmpty();
        assertThatThrownBy(() -> stranger.findCardById("c1")).isInstanceOf(StoredDataException.class)
                .hasMessageContaining("unknown data key");
    }

    private byte[] panEnc(String cardId) {
        return db().dsl().select(DSL.field(DSL.name("pan_enc"), byte[].class))
                .from(DSL.table(DSL.name("cards")))
                .where(DSL.field(DSL.name("card_id"), String.class).eq(cardId))
                .fetchOne(0, byte[].class);
    }

    /** The key id in the stored format's header (version, length, id). */
    private String keyIdOf(String cardId) {
        byte[] stored = panEnc(cardId);
        return new String(stored, 2, stored[1], StandardCharsets.US_ASCII);
    }
}
