package org.openscis.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openscis.codec.jose.CryptoProviders;
import org.openscis.server.config.ConfigException;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.keys.ClientProfile;
import org.openscis.server.keys.DevKeyBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code openscis serve}: load and validate the configuration, create development keys if asked, run the switch. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run the switch until it is stopped (SIGTERM / Ctrl-C).",
            "The configuration is validated completely first; every problem is listed and the exit code is 3."})
final class ServeCommand implements Callable<Integer> {

    static final String CONFIG_ENV = "OPENSCIS_CONFIG";
    static final String DEFAULT_CONFIG = "conf/openscis.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: $" + CONFIG_ENV + ", else " + DEFAULT_CONFIG + ").")
    private Path config;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory; replaces the configuration's dataDir.")
    private Path dataDir;

    ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerLauncher launcher = context.serverLauncher().get().orElse(null);
        if (launcher == null) {
            err.println("openscis serve: no server implementation on the class path (no "
                    + ServerLauncher.class.getName() + " registered in META-INF/services)");
            return ExitCodes.FAILED;
        }
        Path file = context.resolve(configFile());
        OpenScisConfig loaded;
        try {
            loaded = ConfigLoader.builder()
                    .env(context.env())
                    .workingDir(context.workingDir())
                    .dataDirOverride(dataDir == null ? null : context.resolve(dataDir))
                    .beforeFileChecks(new DevKeyBootstrap())
                    .build()
                    .load(file);
        } catch (ConfigException e) {
            err.println("openscis serve: invalid configuration " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        LogLevels.apply(loaded.observability().logLevel());
        LOG.info("OpenSCIS {} starting: config {}, data directory {}, crypto {}", VersionProvider.version(), file,
                loaded.dataDir(), CryptoProviders.install());
        RunningServer server;
        try {
            server = launcher.start(loaded);
        } catch (IOException e) {
            err.println("openscis serve: cannot start: " + e.getMessage());
            return ExitCodes.IO;
        }
        return runUntilStopped(server, loaded, out);
    }

    private int runUntilStopped(RunningServer server, OpenScisConfig loaded, PrintWriter out)
            throws InterruptedException {
        Thread hook = new Thread(server::close, "openscis-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.printf("OpenSCIS switch listening: App Gateways on %s:%d, admin on %s:%d%n",
                    loaded.listeners().http().host(), server.httpPort(),
                    loaded.listeners().admin().host(), server.adminPort());
            Path profile = loaded.dataPath().resolve(DevKeyBootstrap.PROFILE_DIR);
            if (Files.exists(profile.resolve(ClientProfile.PROFILE_FILE))) {
                out.printf("App Gateway client profile: %s (try: openscis client CVM_INQUIRY --profile %s)%n",
                        profile, profile);
            }
            Path acquirer = loaded.dataPath().resolve(DevKeyBootstrap.ACQUIRER_PROFILE_DIR);
            if (Files.exists(acquirer.resolve(ClientProfile.PROFILE_FILE))) {
                out.printf("Acquirer client profile: %s (try: openscis acquirer --help)%n", acquirer);
            }
            server.awaitShutdown();
        } finally {
            server.close();
            removeHook(hook);
        }
        LOG.info("OpenSCIS stopped");
        return ExitCodes.OK;
    }

    private Path configFile() {
        if (config != null) {
            return config;
        }
        String fromEnv = context.env().apply(CONFIG_ENV);
        return Path.of(fromEnv == null || fromEnv.isBlank() ? DEFAULT_CONFIG : fromEnv);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (that is why the server stopped); the hook has run.
        }
    }
}
