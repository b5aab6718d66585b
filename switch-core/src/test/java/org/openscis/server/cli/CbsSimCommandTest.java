package org.openscis.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.TestConfigs;

/** {@code openscis cbs-sim} with a fake simulator: options, keys, the printed switch settings, exit codes. */
class CbsSimCommandTest {

    @TempDir
    Path tmp;

    private final AtomicReference<OpenScisConfig> startedWith = new AtomicReference<>();
    private final AtomicReference<SimulatorOptions> options = new AtomicReference<>();
    private final FakeSimulator sim = new FakeSimulator();

    private CliHarness cli() {
        CliHarness cli = new CliHarness(tmp);
        cli.simulator = (config, opts) -> {
            startedWith.set(config);
            options.set(opts);
            return sim;
        };
        return cli;
    }

    @Test
    void startsTheFirstIssuersSimulatorAndPrintsWhatLinksTheSwitchToIt() {
        CliHarness cli = cli();

        int exit = cli.run("cbs-sim", "--config", TestConfigs.shipped().toString(), "--data-dir", "state",
                "--port", "0");

        assertThat(exit).isZero();
        assertThat(options.get()).isEqualTo(new SimulatorOptions("62000001", "127.0.0.1", 0, null, null));
        assertThat(startedWith.get().dataDir()).isEqualTo(tmp.resolve("state").toString());
        assertThat(tmp.resolve("state/keys/switch-signing.pem")).as("switch keys, as serve makes them").isRegularFile();
        assertThat(tmp.resolve("state/keys/cbs-62000001-signing.pub.pem")).isRegularFile();
        assertThat(tmp.resolve("state/keys/cbs-62000001-encryption.pub.pem")).isRegularFile();
        assertThat(sim.closed).isTrue();
        String nl = System.lineSeparator();
        assertThat(cli.out())
                .contains("CBS simulator of issuer 62000001 listening on http://127.0.0.1:41236")
                .contains("POST http://127.0.0.1:41236/sim/withdraw")
                .contains(String.join(nl,
                        "    cbs:",
                        "      mode: http",
                        "      baseUrl: \"http://127.0.0.1:41236\"",
                        "      signingKeys:",
                        "        \"cbs-62000001-sign\": \"/data/keys/cbs-62000001-signing.pub.pem\"",
                        "      encryptionKid: \"cbs-62000001-enc\"",
                        "      encryptionKeyFile: \"/data/keys/cbs-62000001-encryption.pub.pem\""))
                .contains("Stop with Ctrl-C.");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void listensOnLoopbackPort9090ByDefault() {
        assertThat(cli().run("cbs-sim", "--config", TestConfigs.shipped().toString(), "--data-dir", "d")).isZero();
        assertThat(options.get().port()).isEqualTo(CbsSimCommand.DEFAULT_PORT).isEqualTo(9090);
        assertThat(options.get().host()).isEqualTo("127.0.0.1");
    }

    @Test
    void aSwitchConfigurationAlreadyPointingAtTheSimulatorsKeysWorksOnTheFirstRun() throws Exception {
        Path file = TestConfigs.write(tmp.resolve("conf"), TestConfigs.MINIMAL.replace("    name: Test Bank\n",
                String.join("\n",
                        "    name: Test Bank",
                        "    cbs:",
                        "      mode: http",
                        "      baseUrl: http://127.0.0.1:9090",
                        "      signingKeys: {cbs-62000001-sign: \"data:keys/cbs-62000001-signing.pub.pem\"}",
                        "      encryptionKid: cbs-62000001-enc",
                        "      encryptionKeyFile: \"data:keys/cbs-62000001-encryption.pub.pem\"",
                        "")));

        assertThat(cli().run("cbs-sim", "--config", file.toString(), "--data-dir", "fresh")).isZero();
        assertThat(tmp.resolve("fresh/keys/cbs-62000001-signing.pem")).isRegularFile();
    }

    @Test
    void theIssuerSeedAndLedgerCanBeChosen() throws Exception {
        Path file = TestConfigs.write(tmp.resolve("conf"), TestConfigs.MINIMAL + String.join("\n",
                "  - iin: \"62000002\"",
                "    name: Second Bank",
                "    products:",
                "      - prdNo: \"2003\"",
                "        bin: \"62352000\"",
                "        tokenBin: \"62930000\"",
                "        cardType: Virtual Card",
                "        currency: \"344\"",
                "        cardFaces:",
                "          - id: \"200101\"",
                "            file: face.png",
                ""));
        CliHarness cli = cli();

        assertThat(cli.run("cbs-sim", "--config", file.toString(), "--data-dir", "d", "--issuer", "62000002",
                "--host", "0.0.0.0", "--port", "9191", "--seed", "seed.json", "--database", "ledgers/cbs2.mv.db"))
                .isZero();

        assertThat(options.get()).isEqualTo(new SimulatorOptions("62000002", "0.0.0.0", 9191,
                tmp.resolve("seed.json"), tmp.resolve("ledgers/cbs2")));
        assertThat(tmp.resolve("d/keys/cbs-62000002-signing.pem")).isRegularFile();
        assertThat(tmp.resolve("d/keys/cbs-62000001-signing.pem")).as("only the chosen issuer's").doesNotExist();
        assertThat(cli.out()).contains("CBS simulator of issuer 62000002");
    }

    @Test
    void anIssuerNotConfiguredIsAUsageError() {
        CliHarness cli = cli();

        assertThat(cli.run("cbs-sim", "--config", TestConfigs.shipped().toString(), "--data-dir", "d",
                "--issuer", "99999999")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--issuer 99999999 is not configured (issuers: 62000001)");
        assertThat(options.get()).isNull();
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliHarness cli = cli();

        assertThat(cli.run("cbs-sim", "--config", TestConfigs.shipped().toString(), "--port", "65536"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--port must be 0 to 65535");
    }

    @Test
    void anInvalidConfigurationExitsWithThree() throws Exception {
        Path file = TestConfigs.write(tmp.resolve("conf"), TestConfigs.MINIMAL + "listeners:\n  http:\n    prot: 1\n");
        CliHarness cli = cli();

        assertThat(cli.run("cbs-sim", "--config", file.toString())).isEqualTo(ExitCodes.CONFIG);
        assertThat(cli.err()).contains("listeners.http.prot: unknown key");
        assertThat(options.get()).isNull();
    }

    @Test
    void aPortInUseIsAnIoError() {
        CliHarness cli = new CliHarness(tmp);
        cli.simulator = (config, opts) -> {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:9090", new BindException("in use"));
        };

        assertThat(cli.run("cbs-sim", "--config", TestConfigs.shipped().toString(), "--data-dir", "d"))
                .isEqualTo(ExitCodes.IO);
        assertThat(cli.err()).contains("cannot start: cannot listen on 127.0.0.1:9090");
    }

    @Test
    void noSimulatorImplementationIsAClearFailure() {
        CliHarness cli = new CliHarness(tmp);

        assertThat(cli.run("cbs-sim", "--config", TestConfigs.shipped().toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err()).contains("no simulator implementation").contains(SimulatorLauncher.class.getName());
    }

    @Test
    void settingsAreQuotedForYaml() {
        assertThat(CbsSimCommand.quoted("C:\\data\\keys\\a \"b\".pem")).isEqualTo("\"C:\\\\data\\\\keys\\\\a \\\"b\\\".pem\"");
    }

    /** Already stopped: awaitShutdown returns at once. */
    private static final class FakeSimulator implements RunningSimulator {
        volatile boolean closed;

        @Override
        public String baseUrl() {
            return "http://127.0.0.1:41236";
        }

        @Override
        public String signingKid() {
            return "cbs-62000001-sign";
        }

        @Override
        public Path signingPublicKeyFile() {
            return Path.of("/data/keys/cbs-62000001-signing.pub.pem");
        }

        @Override
        public String encryptionKid() {
            return "cbs-62000001-enc";
        }

        @Override
        public Path encryptionPublicKeyFile() {
            return Path.of("/data/keys/cbs-62000001-encryption.pub.pem");
        }

        @Override
        public void awaitShutdown() {}

        @Override
        public void close() {
            closed = true;
        }
    }
}
