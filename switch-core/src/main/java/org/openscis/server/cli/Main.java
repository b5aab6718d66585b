package org.openscis.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.openscis.codec.jose.CryptoProviders;
import org.openscis.server.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code openscis} executable (the shaded jar's Main-Class). */
@Command(name = "openscis", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "OpenSCIS: an open SaaS Card Issuing Service switch.",
        footer = {"", "Exit codes: 0 ok, 1 failure (e.g. a response code other than 00), 2 usage error,",
            "3 configuration error, 4 I/O or connection error."})
public final class Main implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        // First, so every key operation below (generation, signing) uses the chosen provider.
        CryptoProviders.install();
        System.exit(execute(CliContext.system(), args));
    }

    /** Runs one command line against {@code context}; returns the exit code. */
    public static int execute(CliContext context, String... args) {
        return commandLine(context).execute(args);
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("serve", new ServeCommand(context));
        cli.addSubcommand("keys", new CommandLine(new KeysCommand())
                .addSubcommand("generate", new KeysGenerateCommand(context)));
        cli.addSubcommand("client", new CommandLine(new ClientCommand(context))
                .addSubcommand("qr", QrCommand.commandLine(context)));
        cli.addSubcommand("acquirer", AcquirerCommand.commandLine(context));
        cli.addSubcommand("demo", new DemoCommand(context));
        cli.addSubcommand("outbox", OutboxCommand.commandLine(context));
        cli.addSubcommand("cbs-sim", new CbsSimCommand(context));
        cli.addSubcommand("card", CardCommand.commandLine(context));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8));
        cli.setExecutionExceptionHandler((e, failed, parsed) -> {
            failed.getErr().println("openscis " + failed.getCommandName() + ": " + e.getMessage());
            LOG.debug("command failed", e);
            return exitCodeOf(e);
        });
        return cli;
    }

    static int exitCodeOf(Exception e) {
        if (e instanceof ConfigException) {
            return ExitCodes.CONFIG;
        }
        if (e instanceof IOException) {
            return ExitCodes.IO;
        }
        return ExitCodes.FAILED;
    }

    /** {@code openscis} without a command is a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: serve, keys, client, acquirer, demo, outbox, card or cbs-sim");
    }

    /** {@code openscis keys}: a group; its commands do the work. */
    @Command(name = "keys", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Key management.")
    static final class KeysCommand implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: generate");
        }
    }
}
