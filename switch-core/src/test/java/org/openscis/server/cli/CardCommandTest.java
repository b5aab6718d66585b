package org.openscis.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.codec.card.Luhn;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.TestConfigs;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.crypto.KeyedHash;
import org.openscis.server.outbox.ClaimedCallback;
import org.openscis.server.outbox.JdbcOutbox;
import org.openscis.server.storage.Database;
import org.openscis.server.storage.JdbcCardRepository;
import org.openscis.server.storage.SequenceAllocator;

/** {@code openscis card show|state} in-process against an H2 data directory and data keyring prepared by the test. */
class CardCommandTest {

    private static final String PAN = "6235100000000011";
    private static final String EXPIRED_PAN = "6235100000000029";
    private static final String WALLET = "39990157";
    private static final String OTHER_WALLET = "39990061";
    private static final String TOKEN_A = Luhn.withCheckDigit("629200000000000001");
    private static final String TOKEN_B = Luhn.withCheckDigit("629200000000000002");
    private static final String TOKEN_C = Luhn.withCheckDigit("629200000000000003");
    private static final String EXPIRED_TOKEN = Luhn.withCheckDigit("629200000000000004");
    private static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");

    @TempDir
    Path tmp;

    private Path config;
    private OpenScisConfig cfg;
    private DataCipher cipher;

    @BeforeEach
    void prepare() throws Exception {
        config = TestConfigs.write(tmp.resolve("conf"), TestConfigs.MINIMAL);
        cfg = ConfigLoader.builder().workingDir(tmp).dataDirOverride(tmp.resolve("state")).build().load(config);
        DataKeyring keyring = DataKeyring.open(Path.of(cfg.switchKeys().dataKeysFile()), true);
        cipher = new DataCipher(keyring);
        try (Database db = Database.open(cfg.storage(), cfg.dataPath())) {
            JdbcCardRepository cards = new JdbcCardRepository(db, cipher, new KeyedHash(keyring));
            cards.insertCardWithToken(card("c1", PAN, "4912", CardState.ACTIVE, StateReason.NONE),
                    token(TOKEN_A, "c1", WALLET, "d1", CardState.ACTIVE));
            cards.insertToken(token(TOKEN_B, "c1", OTHER_WALLET, "d2", CardState.ACTIVE));
            cards.insertToken(token(TOKEN_C, "c1", WALLET, "d3", CardState.DELETED));
            cards.insertCardWithToken(card("c2", EXPIRED_PAN, "2512", CardState.SUSPENDED, StateReason.EXPIRED),
                    token(EXPIRED_TOKEN, "c2", WALLET, "d1", CardState.ACTIVE));
        }
    }

    private static CardRecord card(String id, String pan, String yymm, CardState state, StateReason reason) {
        return new CardRecord(id, pan, yymm, "62000001", "1003", null, "Virtual Card", "100101", state, reason, T0);
    }

    private static TokenRecord token(String token, String cardId, String insId, String device, CardState state) {
        return new TokenRecord(token, cardId, insId, device, "user", "491231235959", state, T0, T0);
    }

    private CliHarness cli() {
        return new CliHarness(tmp);
    }

    private int run(CliHarness cli, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--data-dir", "state"));
        return cli.run(all.toArray(String[]::new));
    }

    /** The stored callbacks, decrypted: token → recipient, type and tokenState. */
    private Map<String, String> callbacks() {
        try (Database db = Database.open(cfg.storage(), cfg.dataPath())) {
            JdbcOutbox outbox = new JdbcOutbox(db, cipher, new SequenceAllocator(db));
            List<ClaimedCallback> claimed = outbox.claimDue(Instant.now().plusSeconds(1), Duration.ofSeconds(30), 100);
            return claimed.stream().collect(Collectors.toMap(ClaimedCallback::orderKey,
                    c -> c.recipientInsId() + " " + c.msgType() + " " + c.trxInfo().string("token").equals(c.orderKey())
                            + " " + c.trxInfo().string("tokenState")));
        }
    }

    private CardRecord storedCard(String id) {
        try (Database db = Database.open(cfg.storage(), cfg.dataPath())) {
            DataKeyring keyring = DataKeyring.open(Path.of(cfg.switchKeys().dataKeysFile()), false);
            return new JdbcCardRepository(db, new DataCipher(keyring), new KeyedHash(keyring)).findCardById(id)
                    .orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void showPrintsTheCardMaskedWithEveryTokenAndWhatItsWalletSees() {
        CliHarness cli = cli();

        assertThat(run(cli, "card", "show", "--token", TOKEN_B)).isZero();

        assertThat(cli.out()).contains("Card c1: PAN 6235********0011, issuer 62000001, product 1003 (Virtual Card)")
                .contains("State ACTIVE, reason NONE, past its expiry: no")
                .contains("TOKEN", "APP_GATEWAY", "WALLET_SEES")
                .contains(mask(TOKEN_B) + " *")
                .doesNotContain(PAN, TOKEN_A, TOKEN_B, TOKEN_C);
        assertThat(line(cli.out(), mask(TOKEN_C))).contains(WALLET, "DELETED");
        CliHarness expired = cli();
        assertThat(run(expired, "card", "show", "--token", EXPIRED_TOKEN)).isZero();
        assertThat(expired.out()).contains("State SUSPENDED, reason EXPIRED, past its expiry: yes");
        assertThat(line(expired.out(), mask(EXPIRED_TOKEN))).contains("ACTIVE  SUSPENDED");
    }

    @Test
    void suspendingTheCardQueuesANotificationForEachLiveToken() {
        CliHarness cli = cli();

        int exit = run(cli, "card", "state", "--token", TOKEN_A, "--state", "suspended", "--reason", "lost");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Card c1: ACTIVE -> SUSPENDED (LOST).")
                .contains("CARD_STATUS_NOTIFICATION queued for 2 tokens")
                .contains(mask(TOKEN_A) + " SUSPENDED to " + WALLET)
                .doesNotContain(TOKEN_A, TOKEN_B);
        assertThat(storedCard("c1").state()).isEqualTo(CardState.SUSPENDED);
        assertThat(storedCard("c1").reason()).isEqualTo(StateReason.LOST);
        assertThat(callbacks()).containsExactlyInAnyOrderEntriesOf(Map.of(
                TOKEN_A, WALLET + " CARD_STATUS_NOTIFICATION true SUSPENDED",
                TOKEN_B, OTHER_WALLET + " CARD_STATUS_NOTIFICATION true SUSPENDED"));

        CliHarness again = cli();
        assertThat(run(again, "card", "state", "--token", TOKEN_B, "--state", "SUSPENDED", "--reason", "LOST"))
                .isZero();
        assertThat(again.out()).contains("Card c1 is already SUSPENDED (LOST); nothing changed.");
    }

    @Test
    void deletingNeedsYesAndIsTerminal() {
        CliHarness unconfirmed = cli();
        assertThat(run(unconfirmed, "card", "state", "--token", TOKEN_A, "--state", "DELETED"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(unconfirmed.err()).contains("--yes");
        assertThat(storedCard("c1").state()).isEqualTo(CardState.ACTIVE);

        CliHarness deleted = cli();
        assertThat(run(deleted, "card", "state", "--token", TOKEN_A, "--state", "DELETED", "--reason", "STOLEN",
                "--yes")).isZero();
        assertThat(deleted.out()).contains("ACTIVE -> DELETED (STOLEN)").contains("queued for 2 tokens");
        assertThat(callbacks().values()).allSatisfy(v -> assertThat(v).endsWith(" DELETED"));

        CliHarness revive = cli();
        assertThat(run(revive, "card", "state", "--token", TOKEN_A, "--state", "ACTIVE"))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(revive.err()).contains("DELETED, which is terminal");
        assertThat(storedCard("c1").state()).isEqualTo(CardState.DELETED);
    }

    @Test
    void onlyTheTokenChangesWithTokenOnly() {
        CliHarness cli = cli();

        assertThat(run(cli, "card", "state", "--token", TOKEN_B, "--state", "SUSPENDED", "--token-only")).isZero();

        assertThat(cli.out()).contains("Token " + mask(TOKEN_B) + ": ACTIVE -> SUSPENDED.")
                .contains("queued for 1 token: ");
        assertThat(storedCard("c1").state()).isEqualTo(CardState.ACTIVE);
        assertThat(callbacks()).containsOnlyKeys(TOKEN_B);
    }

    @Test
    void anExpiredCardCannotBeMadeActive() {
        CliHarness cli = cli();

        assertThat(run(cli, "card", "state", "--token", EXPIRED_TOKEN, "--state", "ACTIVE"))
                .isEqualTo(ExitCodes.FAILED);

        assertThat(cli.err()).contains("past its expiry");
        assertThat(storedCard("c2").state()).isEqualTo(CardState.SUSPENDED);
    }

    @Test
    void usageErrorsChangeNothing() {
        CliHarness activeWithReason = cli();
        assertThat(run(activeWithReason, "card", "state", "--token", TOKEN_A, "--state", "ACTIVE", "--reason",
                "LOST")).isEqualTo(ExitCodes.USAGE);
        assertThat(activeWithReason.err()).contains("an ACTIVE card has no reason");

        CliHarness tokenWithReason = cli();
        assertThat(run(tokenWithReason, "card", "state", "--token", TOKEN_A, "--state", "SUSPENDED", "--reason",
                "LOST", "--token-only")).isEqualTo(ExitCodes.USAGE);

        CliHarness badReason = cli();
        assertThat(run(badReason, "card", "state", "--token", TOKEN_A, "--state", "SUSPENDED", "--reason", "NONE"))
                .isEqualTo(ExitCodes.USAGE);

        CliHarness badToken = cli();
        assertThat(run(badToken, "card", "show", "--token", "6292000000000000001")).isEqualTo(ExitCodes.USAGE);
        assertThat(badToken.err()).contains("valid check digit");

        CliHarness group = cli();
        assertThat(group.run("card")).isEqualTo(ExitCodes.USAGE);
        assertThat(group.err()).contains("Missing command: show or state");

        assertThat(callbacks()).isEmpty();
        assertThat(storedCard("c1").state()).isEqualTo(CardState.ACTIVE);
    }

    @Test
    void anUnknownTokenFails() {
        String unknown = Luhn.withCheckDigit("629200000000000099");
        CliHarness cli = cli();

        assertThat(run(cli, "card", "state", "--token", unknown, "--state", "SUSPENDED")).isEqualTo(ExitCodes.FAILED);

        assertThat(cli.err()).contains("no card with token " + mask(unknown)).doesNotContain(unknown);
    }

    @Test
    void missingDataKeysOrDatabaseAreReportedNotCreated() throws Exception {
        Files.delete(Path.of(cfg.switchKeys().dataKeysFile()));
        CliHarness noKeys = cli();
        assertThat(run(noKeys, "card", "show", "--token", TOKEN_A)).isEqualTo(ExitCodes.IO);
        assertThat(noKeys.err()).contains("cannot open the data keyring");
        assertThat(Path.of(cfg.switchKeys().dataKeysFile())).doesNotExist();

        CliHarness noDatabase = cli();
        assertThat(noDatabase.run("card", "show", "--token", TOKEN_A, "--config", config.toString(), "--data-dir",
                "elsewhere")).isEqualTo(ExitCodes.IO);
        assertThat(tmp.resolve("elsewhere/openscis.mv.db")).doesNotExist();
    }

    @Test
    void helpSaysToStopTheSwitchOnH2AndTheTopLevelListsTheCommand() {
        CliHarness help = cli();
        assertThat(help.run("card", "state", "--help")).isZero();
        assertThat(help.out()).contains("stop the switch first").contains("--token-only").contains("--yes");

        CliHarness none = cli();
        assertThat(none.run()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("outbox, card or cbs-sim");
    }

    private static String mask(String token) {
        return token.substring(0, 4) + "********" + token.substring(token.length() - 4);
    }

    private static String line(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).findFirst().orElseThrow();
    }
}
