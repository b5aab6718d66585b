package org.openscis.server.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Runs {@link Main} in-process with captured output, a fake environment and optional fake implementations. */
final class CliHarness {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Map<String, String> env = new HashMap<>();
    final Path workingDir;
    ServerLauncher launcher;
    ClientRunner runner;
    SimulatorLauncher simulator;

    CliHarness(Path workingDir) {
        this.workingDir = workingDir;
    }

    int run(String... args) {
        CliContext context = new CliContext(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env::get, workingDir, () -> Optional.ofNullable(launcher), () -> Optional.ofNullable(runner),
                () -> Optional.ofNullable(simulator));
        return Main.execute(context, args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
