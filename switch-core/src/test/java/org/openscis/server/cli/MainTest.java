package org.openscis.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path tmp;

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliHarness cli = new CliHarness(tmp);

        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("Usage: openscis", "serve", "keys", "client", "3 configuration error");
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        for (String[] command : new String[][] {{"serve"}, {"keys"}, {"keys", "generate"}, {"client"}}) {
            CliHarness help = new CliHarness(tmp);
            CliHarness version = new CliHarness(tmp);

            assertThat(help.run(append(command, "--help"))).as(String.join(" ", command)).isZero();
            assertThat(version.run(append(command, "--version"))).isZero();
            assertThat(help.out()).contains("Usage: openscis " + String.join(" ", command));
            assertThat(version.out()).startsWith("OpenSCIS ").contains("Java ");
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        CliHarness none = new CliHarness(tmp);
        CliHarness unknownCommand = new CliHarness(tmp);
        CliHarness unknownOption = new CliHarness(tmp);
        CliHarness keysAlone = new CliHarness(tmp);

        assertThat(none.run()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownCommand.run("fly")).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownOption.run("serve", "--colour")).isEqualTo(ExitCodes.USAGE);
        assertThat(keysAlone.run("keys")).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("Missing command").contains("Usage: openscis");
        assertThat(unknownOption.err()).contains("Unknown option: '--colour'");
        assertThat(keysAlone.err()).contains("Missing command: generate");
    }

    private static String[] append(String[] command, String option) {
        String[] args = Arrays.copyOf(command, command.length + 1);
        args[command.length] = option;
        return args;
    }
}
