package org.openscis.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.port.Notification;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.TestConfigs;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.outbox.ClaimedCallback;
import org.openscis.server.outbox.JdbcOutbox;
import org.openscis.server.outbox.JdbcOutboxAdmin;
import org.openscis.server.outbox.OutboxCounts;
import org.openscis.server.storage.Database;
import org.openscis.server.storage.SequenceAllocator;

/** {@code openscis outbox list|replay} in-process against an H2 data directory prepared by the test. */
class OutboxCommandTest {

    private static final String APPGW = "39990157";
    private static final String TOKEN_A = "6292000012345678901";
    private static final String TOKEN_B = "6292000098765432109";
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

    @TempDir
    Path tmp;

    private Path config;
    private String delivered;
    private String pending;
    private String parked;

    @BeforeEach
    void writeConfig() throws Exception {
        config = TestConfigs.write(tmp.resolve("conf"), TestConfigs.MINIMAL);
    }

    /** A delivered, a parked and a pending callback in the data directory {@code state}. */
    private void prepareDatabase() throws Exception {
        try (Database db = openDatabase()) {
            JdbcOutbox outbox = new JdbcOutbox(db, new DataCipher(DataKeyring.ephemeral(Clock.systemUTC())),
                    new SequenceAllocator(db));
            delivered = outbox.store(notification(MessageType.CARD_STATUS_NOTIFICATION, TOKEN_A), T0);
            parked = outbox.store(notification(MessageType.TRX_RESULT_NOTIFICATION, TOKEN_B), T0);
            pending = outbox.store(notification(MessageType.TRX_RESULT_NOTIFICATION, TOKEN_A), T0);
            for (ClaimedCallback c : outbox.claimDue(T0, Duration.ofSeconds(30), 10)) {
                if (c.msgId().equals(delivered)) {
                    outbox.markDelivered(c, "00", T0.plusSeconds(1));
                } else {
                    outbox.park(c, "96", "recipient answered 96");
                }
            }
        }
    }

    private Database openDatabase() throws Exception {
        OpenScisConfig cfg = ConfigLoader.builder().workingDir(tmp).dataDirOverride(tmp.resolve("state")).build()
                .load(config);
        return Database.open(cfg.storage(), cfg.dataPath());
    }

    private static Notification notification(MessageType type, String token) {
        return new Notification(APPGW, type, token, TrxInfo.builder().put("token", token).put("trxAmt", "10.00")
                .build());
    }

    private CliHarness cli() {
        return new CliHarness(tmp);
    }

    @Test
    void listShowsEveryCallbackNewestFirstWithTheTokenMasked() throws Exception {
        prepareDatabase();
        CliHarness cli = cli();

        int exit = cli.run("outbox", "list", "--config", config.toString(), "--data-dir", "state");

        assertThat(exit).isZero();
        String out = cli.out();
        assertThat(out).contains("MSG_ID", "TYPE", "RECIPIENT", "TOKEN", "STATE", "ATTEMPTS", "LAST_ERROR")
                .contains("6292********8901", "6292********2109")
                .doesNotContain(TOKEN_A, TOKEN_B, "10.00")
                .contains("recipient answered 96")
                .contains("2026-03-01 10:15:31Z")
                .contains("pending 1, parked 1");
        assertThat(out.indexOf(pending)).isLessThan(out.indexOf(parked));
        assertThat(out.indexOf(parked)).isLessThan(out.indexOf(delivered));
        assertThat(out.lines().filter(l -> l.startsWith(parked)).findFirst().orElseThrow())
                .contains("TRX_RESULT_NOTIFICATION", APPGW, "PARKED", " 96 ");
    }

    @Test
    void listParkedShowsOnlyParkedOnes() throws Exception {
        prepareDatabase();
        CliHarness cli = cli();

        assertThat(cli.run("outbox", "list", "--parked", "--config", config.toString(), "--data-dir", "state"))
                .isZero();

        assertThat(cli.out()).contains(parked).doesNotContain(pending, delivered);
    }

    @Test
    void replayByMsgIdPutsAParkedCallbackBackInTheQueue() throws Exception {
        prepareDatabase();
        CliHarness cli = cli();

        int exit = cli.run("outbox", "replay", "--msg-id", parked, "--config", config.toString(), "--data-dir",
                "state");

        assertThat(exit).isZero();
        assertThat(cli.out()).contains("Replayed " + parked);
        try (Database db = openDatabase()) {
            assertThat(new JdbcOutboxAdmin(db).counts()).isEqualTo(new OutboxCounts(2, 0));
        }
        CliHarness again = cli();
        assertThat(again.run("outbox", "list", "--parked", "--config", config.toString(), "--data-dir", "state"))
                .isZero();
        assertThat(again.out()).contains("No parked callbacks.");
    }

    @Test
    void replayOfACallbackThatIsNotParkedOrUnknownFails() throws Exception {
        prepareDatabase();
        CliHarness notParked = cli();
        assertThat(notParked.run("outbox", "replay", "--msg-id", delivered, "--config", config.toString(),
                "--data-dir", "state")).isEqualTo(ExitCodes.FAILED);
        assertThat(notParked.err()).contains(delivered).contains("not parked");

        CliHarness unknown = cli();
        assertThat(unknown.run("outbox", "replay", "--msg-id", "U39990157nope", "--config", config.toString(),
                "--data-dir", "state")).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err()).contains("no callback with msgID U39990157nope");
    }

    @Test
    void replayAllParked() throws Exception {
        prepareDatabase();
        CliHarness cli = cli();

        assertThat(cli.run("outbox", "replay", "--all-parked", "--config", config.toString(), "--data-dir", "state"))
                .isZero();

        assertThat(cli.out()).contains("Replayed 1 parked callback.");
        try (Database db = openDatabase()) {
            assertThat(new JdbcOutboxAdmin(db).counts()).isEqualTo(new OutboxCounts(2, 0));
        }
    }

    @Test
    void replayNeedsExactlyOneTarget() {
        CliHarness none = cli();
        assertThat(none.run("outbox", "replay", "--config", config.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("--msg-id").contains("--all-parked");

        CliHarness both = cli();
        assertThat(both.run("outbox", "replay", "--msg-id", "U39990157x", "--all-parked", "--config", config.toString()))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aDataDirectoryWithoutADatabaseIsReportedNotCreated() {
        CliHarness cli = cli();

        int exit = cli.run("outbox", "list", "--config", config.toString(), "--data-dir", "elsewhere");

        assertThat(exit).isEqualTo(ExitCodes.IO);
        assertThat(cli.err()).contains("no database at").contains("elsewhere");
        assertThat(tmp.resolve("elsewhere/openscis.mv.db")).doesNotExist();
    }

    @Test
    void anInvalidConfigurationExitsWithThree() {
        CliHarness cli = cli();

        int exit = cli.run("outbox", "list", "--config", tmp.resolve("missing.yaml").toString());

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(cli.err()).contains("invalid configuration").contains("does not exist");
    }

    @Test
    void theGroupAloneIsAUsageError() {
        CliHarness cli = cli();

        assertThat(cli.run("outbox")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("Missing command: list or replay");
    }
}
