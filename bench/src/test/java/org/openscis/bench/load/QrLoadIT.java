package org.openscis.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.server.SwitchServer;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.keys.DevKeyBootstrap;
import picocli.CommandLine;

/**
 * A short QR load run against a real switch started in this JVM from the shipped configuration (H2, embedded CBS,
 * fresh data directory, the demo acquirer's profile the first start writes): merchant-presented payments and
 * generate-then-acquire consumer-presented payments with and without cardholder verification are approved end to end,
 * and the report lists each type with its latency percentiles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QrLoadIT {

    private static final Path SHIPPED_CONFIG = Path.of("..", "conf", "openscis.yaml");

    /** Deleted after the class, once the switch has closed its H2 files. */
    @TempDir
    static Path dataDir;
    private int callbackPort;
    private SwitchServer server;

    @BeforeAll
    void start() throws Exception {
        callbackPort = freePort();
        Map<String, String> env = Map.of("OPENSCIS_HTTP_PORT", "0", "OPENSCIS_ADMIN_PORT", "0",
                "OPENSCIS_APPGW_CALLBACK_URL", "http://127.0.0.1:" + callbackPort + "/callback");
        OpenScisConfig cfg = ConfigLoader.builder().env(env::get).dataDirOverride(dataDir)
                .beforeFileChecks(new DevKeyBootstrap()).build().load(SHIPPED_CONFIG);
        server = SwitchServer.start(cfg, Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aShortQrMixIsApprovedEndToEndAndReported() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = load(out, err, "--mix", "MPQRC_PAYMENT_EMV=2,CPQRC_PAYMENT=1,CPQRC_PAYMENT_CVM=1",
                "--acquirer-profile", dataDir.resolve(DevKeyBootstrap.ACQUIRER_PROFILE_DIR).toString());

        assertThat(exit).as(err.toString()).isEqualTo(LoadCommand.EXIT_OK);
        String report = out.toString();
        for (String type : new String[] {"MPQRC_PAYMENT_EMV", "CPQRC_PAYMENT", "CPQRC_PAYMENT_CVM"}) {
            // approved, and a latency row with its percentiles
            assertThat(report).contains("| " + type + " | 00 |");
            assertThat(report).containsPattern("\\| " + type + " \\| \\d+ \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|");
            assertThat(report).doesNotContainPattern("\\| " + type + " \\| (?!00 )[^|]+ \\| \\d+ \\|\\n");
        }
        // the held payments above the CVM limit were confirmed by the generator's callback listener
        assertThat(report).containsPattern("\\| ADDITIONAL_PROCESSING \\| [1-9]\\d* \\|");
        assertThat(report).contains("| TRX_RESULT_NOTIFICATION / CPQRC_PAYMENT |");
        assertThat(report).doesNotContain("no response");
    }

    private int load(StringWriter out, StringWriter err, String... mix) {
        String[] common = {"load", "--profile", dataDir.resolve(DevKeyBootstrap.PROFILE_DIR).toString(),
            "--url", "http://127.0.0.1:" + server.httpPort(), "--admin-url", "http://127.0.0.1:" + server.adminPort(),
            "--rate", "10", "--duration", "2", "--warmup", "1", "--tokens", "4", "--ceiling-seconds", "1",
            "--callback-port", Integer.toString(callbackPort), "--no-file"};
        String[] args = new String[common.length + mix.length];
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(mix, 0, args, common.length, mix.length);
        CommandLine cli = new CommandLine(new LoadMain());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
