package org.openscis.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openscis.server.config.ConfigException;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.IssuerConfig;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.keys.CbsSimulatorKeys;
import org.openscis.server.keys.DevKeyBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code openscis cbs-sim}: an issuer's core-banking simulator on its own port (decisions.md §10), the same
 * simulator, keys and ledger as the embedded one, for a switch configured with {@code mode: http}. Prints what to put
 * in the switch configuration and runs until stopped.
 */
@Command(name = "cbs-sim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run an issuer's core-banking simulator on its own port until it is stopped (SIGTERM / Ctrl-C).",
            "It reads the switch configuration for the issuer (default: the first) and the switch's public keys, uses "
                + "the simulator keys of the data directory (created if missing) and prints the cbs settings that "
                + "link the switch to it.",
            "Exit code 0 when stopped; 2 for an unknown issuer, 3 for an invalid configuration, 4 if the port cannot "
                + "be bound."},
        footer = {"", "Example:", "  openscis cbs-sim --port 9090", "then set the printed cbs section in the switch "
            + "configuration and run openscis serve."})
final class CbsSimCommand implements Callable<Integer> {

    static final int DEFAULT_PORT = 9090;
    static final String DEFAULT_HOST = "127.0.0.1";
    private static final String H2_SUFFIX = ".mv.db";
    private static final Logger LOG = LoggerFactory.getLogger(CbsSimCommand.class);

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "The switch configuration file (default: $"
            + ServeCommand.CONFIG_ENV + ", else " + ServeCommand.DEFAULT_CONFIG + ").")
    private Path config;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory; replaces the configuration's dataDir.")
    private Path dataDir;

    @Option(names = "--issuer", paramLabel = "IIN", description = "The issuer to simulate (default: the first one "
            + "configured).")
    private String issuer;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 for a free one (default: "
            + DEFAULT_PORT + ").")
    private int port = DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "H", description = "Address to listen on (default: " + DEFAULT_HOST
            + ").")
    private String host = DEFAULT_HOST;

    @Option(names = "--seed", paramLabel = "FILE", description = "Seed JSON for an empty ledger (default: the "
            + "issuer's cbs.simulator.seedFile, else the built-in seed).")
    private Path seed;

    @Option(names = "--database", paramLabel = "FILE", description = "The ledger's H2 file (default: the issuer's "
            + "cbs.simulator.databaseFile, the embedded simulator's ledger; stop a switch that embeds it first).")
    private Path database;

    CbsSimCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535) {
            err.println("openscis cbs-sim: --port must be 0 to 65535, found " + port);
            return ExitCodes.USAGE;
        }
        SimulatorLauncher launcher = context.simulatorLauncher().get().orElse(null);
        if (launcher == null) {
            err.println("openscis cbs-sim: no simulator implementation on the class path (no "
                    + SimulatorLauncher.class.getName() + " registered in META-INF/services)");
            return ExitCodes.FAILED;
        }
        OpenScisConfig loaded;
        try {
            loaded = ConfigLoader.builder()
                    .env(context.env())
                    .workingDir(context.workingDir())
                    .dataDirOverride(dataDir == null ? null : context.resolve(dataDir))
                    // The switch's configuration may already point at this simulator's public keys (mode: http):
                    // they are created before the key files are checked, so the first run works too.
                    .beforeFileChecks(cfg -> {
                        new DevKeyBootstrap().run(cfg);
                        Optional<IssuerConfig> chosen = chosenIssuer(cfg.issuers());
                        if (chosen.isPresent()) {
                            CbsSimulatorKeys.loadOrCreate(cfg.dataPath(), chosen.get().iin());
                        }
                    })
                    .build()
                    .load(context.resolve(configFile()));
        } catch (ConfigException e) {
            err.println("openscis cbs-sim: invalid configuration " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        Optional<IssuerConfig> chosen = chosenIssuer(loaded.issuers());
        if (chosen.isEmpty()) {
            err.println("openscis cbs-sim: --issuer " + issuer + " is not configured (issuers: "
                    + String.join(", ", loaded.issuers().stream().map(IssuerConfig::iin).toList()) + ")");
            return ExitCodes.USAGE;
        }
        LogLevels.apply(loaded.observability().logLevel());
        String iin = chosen.get().iin();
        SimulatorOptions options = new SimulatorOptions(iin, host, port,
                seed == null ? null : context.resolve(seed), database == null ? null : h2Base(context.resolve(database)));
        RunningSimulator sim;
        try {
            sim = launcher.start(loaded, options);
        } catch (IOException | UncheckedIOException e) {
            err.println("openscis cbs-sim: cannot start: " + e.getMessage());
            return ExitCodes.IO;
        }
        return runUntilStopped(sim, iin, out);
    }

    private int runUntilStopped(RunningSimulator sim, String iin, PrintWriter out) throws InterruptedException {
        Thread hook = new Thread(sim::close, "openscis-cbs-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.print(banner(sim, iin));
            out.flush();
            sim.awaitShutdown();
        } finally {
            sim.close();
            removeHook(hook);
        }
        LOG.info("CBS simulator of issuer {} stopped", iin);
        return ExitCodes.OK;
    }

    /** The URL, the admin endpoints, and the {@code cbs} section that links a switch to this simulator. */
    static String banner(RunningSimulator sim, String iin) {
        String nl = System.lineSeparator();
        String base = sim.baseUrl();
        return "OpenSCIS CBS simulator of issuer " + iin + " listening on " + base + nl
                + "Admin: POST " + base + "/sim/withdraw {\"trxToken\":\"...\",\"agentMid\":\"...\"}, "
                + base + "/sim/faults, GET " + base + "/sim/accounts/{accountNo}, GET " + base + "/sim/ledger/check"
                + nl + nl
                + "To use it, give issuer " + iin + " this cbs section in the switch configuration (other cbs settings "
                + "such as callTimeout may stay):" + nl + nl
                + switchSettings(sim) + nl
                + "Stop with Ctrl-C." + nl;
    }

    /** The {@code cbs} section as it sits under an entry of {@code issuers} (four spaces in). */
    static String switchSettings(RunningSimulator sim) {
        String nl = System.lineSeparator();
        return String.join(nl, List.of(
                "    cbs:",
                "      mode: http",
                "      baseUrl: " + quoted(sim.baseUrl()),
                "      signingKeys:",
                "        " + quoted(sim.signingKid()) + ": " + quoted(sim.signingPublicKeyFile().toString()),
                "      encryptionKid: " + quoted(sim.encryptionKid()),
                "      encryptionKeyFile: " + quoted(sim.encryptionPublicKeyFile().toString()))) + nl;
    }

    /** A YAML double-quoted scalar. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private Optional<IssuerConfig> chosenIssuer(List<IssuerConfig> issuers) {
        if (issuer == null) {
            return issuers.stream().findFirst();
        }
        return issuers.stream().filter(i -> issuer.equals(i.iin())).findFirst();
    }

    /** H2 adds {@code .mv.db} itself; a name given with it would get it twice. */
    private static Path h2Base(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(H2_SUFFIX) && name.length() > H2_SUFFIX.length()
                ? file.resolveSibling(name.substring(0, name.length() - H2_SUFFIX.length())) : file;
    }

    private Path configFile() {
        if (config != null) {
            return config;
        }
        String fromEnv = context.env().apply(ServeCommand.CONFIG_ENV);
        return Path.of(fromEnv == null || fromEnv.isBlank() ? ServeCommand.DEFAULT_CONFIG : fromEnv);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (that is why the simulator stopped); the hook has run.
        }
    }
}
