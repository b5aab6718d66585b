package org.openscis.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What commands need from the outside world, injectable for tests: output streams, the environment, the working
 * directory and the server / client / simulator implementations.
 *
 * @param env        environment lookup, null for an unset variable
 * @param workingDir what relative file names are relative to
 */
public record CliContext(
        PrintStream out,
        PrintStream err,
        Function<String, String> env,
        Path workingDir,
        Supplier<Optional<ServerLauncher>> serverLauncher,
        Supplier<Optional<ClientRunner>> clientRunner,
        Supplier<Optional<SimulatorLauncher>> simulatorLauncher) {

    /** With the simulator launcher found through {@link ServiceLoader}. */
    public CliContext(PrintStream out, PrintStream err, Function<String, String> env, Path workingDir,
            Supplier<Optional<ServerLauncher>> serverLauncher, Supplier<Optional<ClientRunner>> clientRunner) {
        this(out, err, env, workingDir, serverLauncher, clientRunner, () -> first(SimulatorLauncher.class));
    }

    /** The real process: System streams and environment, current directory, ServiceLoader lookups. */
    public static CliContext system() {
        return new CliContext(System.out, System.err, System::getenv, Path.of("").toAbsolutePath(),
                () -> first(ServerLauncher.class), () -> first(ClientRunner.class),
                () -> first(SimulatorLauncher.class));
    }

    Path resolve(Path file) {
        return workingDir.resolve(file).toAbsolutePath().normalize();
    }

    /** The first registered implementation; a broken registration is reported as absent with the reason. */
    static <T> Optional<T> first(Class<T> type) {
        Iterator<T> found = ServiceLoader.load(type).iterator();
        try {
            return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("the " + type.getSimpleName() + " registered in META-INF/services "
                    + "cannot be loaded: " + e.getMessage(), e);
        }
    }
}
