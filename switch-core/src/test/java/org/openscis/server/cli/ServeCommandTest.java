package org.openscis.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.TestConfigs;

class ServeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void startsTheServerWithTheValidatedConfigAndGeneratedKeys() {
        CliHarness cli = new CliHarness(tmp);
        FakeServer server = new FakeServer();
        AtomicReference<OpenScisConfig> started = new AtomicReference<>();
        cli.launcher = config -> {
            started.set(config);
            return server;
        };
        cli.env.put("OPENSCIS_HTTP_PORT", "0");

        int exit = cli.run("serve", "--config", TestConfigs.shipped().toString(), "--data-dir", "state");

        assertThat(exit).isZero();
        assertThat(started.get().dataDir()).isEqualTo(tmp.resolve("state").toString());
        assertThat(started.get().listeners().http().port()).isZero();
        assertThat(tmp.resolve("state/keys/switch-signing.pem")).isRegularFile();
        assertThat(tmp.resolve("state/appgw-profile/profile.json")).isRegularFile();
        assertThat(server.closed).isTrue();
        assertThat(cli.out()).contains("App Gateways on 0.0.0.0:41234, admin on 127.0.0.1:41235")
                .contains("App Gateway client profile: " + tmp.resolve("state/appgw-profile"));
    }

    @Test
    void configFileComesFromTheEnvironmentWhenNotGiven() {
        CliHarness cli = new CliHarness(tmp);
        cli.launcher = config -> new FakeServer();
        cli.env.put("OPENSCIS_CONFIG", tmp.resolve("missing.yaml").toString());

        assertThat(cli.run("serve")).isEqualTo(ExitCodes.CONFIG);
        assertThat(cli.err()).contains(tmp.resolve("missing.yaml").toString()).contains("does not exist");
    }

    @Test
    void invalidConfigurationListsEveryProblemAndExitsWithThree() throws Exception {
        Path file = TestConfigs.write(tmp.resolve("conf"), TestConfigs.MINIMAL
                + "listeners:\n  http:\n    prot: 1\n  admin:\n    port: 99999\n");
        CliHarness cli = new CliHarness(tmp);
        AtomicBoolean started = new AtomicBoolean();
        cli.launcher = config -> {
            started.set(true);
            return new FakeServer();
        };

        int exit = cli.run("serve", "--config", file.toString());

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(cli.err()).contains("2 problems").contains("listeners.http.prot: unknown key")
                .contains("listeners.admin.port: must be between 0 and 65535");
        assertThat(started).isFalse();
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void noServerImplementationIsAClearFailure() {
        CliHarness cli = new CliHarness(tmp);

        assertThat(cli.run("serve", "--config", TestConfigs.shipped().toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err()).contains("no server implementation").contains(ServerLauncher.class.getName());
    }

    @Test
    void aPortInUseIsAnIoError() {
        CliHarness cli = new CliHarness(tmp);
        cli.launcher = config -> {
            throw new BindException("Address already in use");
        };

        assertThat(cli.run("serve", "--config", TestConfigs.shipped().toString(), "--data-dir", "d"))
                .isEqualTo(ExitCodes.IO);
        assertThat(cli.err()).contains("cannot start: Address already in use");
    }

    @Test
    void anUnexpectedStartFailureExitsWithOne() {
        CliHarness cli = new CliHarness(tmp);
        cli.launcher = config -> {
            throw new IllegalStateException("database locked");
        };

        assertThat(cli.run("serve", "--config", TestConfigs.shipped().toString(), "--data-dir", "d"))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err()).contains("database locked");
    }

    /** Already stopped: awaitShutdown returns at once. */
    private static final class FakeServer implements RunningServer {
        volatile boolean closed;

        @Override
        public int httpPort() {
            return 41234;
        }

        @Override
        public int adminPort() {
            return 41235;
        }

        @Override
        public void awaitShutdown() {}

        @Override
        public void close() {
            closed = true;
        }
    }
}
