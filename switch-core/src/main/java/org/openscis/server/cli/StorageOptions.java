package org.openscis.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openscis.server.config.ConfigException;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.StorageConfig;
import org.openscis.server.crypto.DataKeyring;
import org.openscis.server.storage.Database;
import picocli.CommandLine.Option;

/**
 * {@code --config} and {@code --data-dir} of the offline admin commands ({@code outbox}, {@code card}), resolved as
 * {@code serve} resolves them, and what they open: the configuration, the configured database and the data keys.
 * Each opener returns null after saying why on {@code err}; {@link #failure} is then the exit code to return.
 * Nothing is ever created: a missing H2 file or keyring means the data directory is probably the wrong one.
 */
final class StorageOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: $"
            + ServeCommand.CONFIG_ENV + ", else " + ServeCommand.DEFAULT_CONFIG + ").")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory; replaces the configuration's dataDir.")
    Path dataDir;

    /** The exit code to return after an opener returned null. */
    int failure = ExitCodes.OK;

    /** The configured database, migrated; null if the configuration or the database cannot be opened. */
    Database open(CliContext context, PrintWriter err, String command) throws IOException {
        OpenScisConfig cfg = config(context, err, command);
        return cfg == null ? null : open(cfg, err, command);
    }

    /** The configuration; null if it is invalid. */
    OpenScisConfig config(CliContext context, PrintWriter err, String command) throws IOException {
        try {
            return ConfigLoader.builder()
                    .env(context.env())
                    .workingDir(context.workingDir())
                    .dataDirOverride(dataDir == null ? null : context.resolve(dataDir))
                    .build()
                    .load(context.resolve(configFile(context)));
        } catch (ConfigException e) {
            err.println(command + ": invalid configuration " + e.getMessage());
            failure = ExitCodes.CONFIG;
            return null;
        }
    }

    /** The database {@code cfg} names, migrated; null if it cannot be opened (or an H2 file does not exist). */
    Database open(OpenScisConfig cfg, PrintWriter err, String command) {
        StorageConfig storage = cfg.storage();
        boolean h2 = StorageConfig.H2.equalsIgnoreCase(storage.kind());
        if (h2 && !Files.exists(Path.of(storage.h2File() + ".mv.db"))) {
            err.println(command + ": no database at " + storage.h2File() + ".mv.db (is the data directory "
                    + cfg.dataDir() + " the switch's? use --data-dir)");
            failure = ExitCodes.IO;
            return null;
        }
        try {
            return Database.open(storage, cfg.dataPath());
        } catch (RuntimeException e) {
            err.println(command + ": cannot open the database: " + e.getMessage()
                    + (h2 ? " (an H2 file admits one process: stop the switch first)" : ""));
            failure = ExitCodes.IO;
            return null;
        }
    }

    /** The switch's data keyring ({@code switchKeys.dataKeysFile}); null if it is missing or unreadable. */
    DataKeyring dataKeys(OpenScisConfig cfg, PrintWriter err, String command) {
        Path file = Path.of(cfg.switchKeys().dataKeysFile());
        try {
            return DataKeyring.open(file, false);
        } catch (IOException e) {
            err.println(command + ": cannot open the data keyring " + file + ": " + e.getMessage()
                    + " (is the data directory " + cfg.dataDir() + " the switch's? use --data-dir)");
            failure = ExitCodes.IO;
            return null;
        }
    }

    private Path configFile(CliContext context) {
        if (config != null) {
            return config;
        }
        String fromEnv = context.env().apply(ServeCommand.CONFIG_ENV);
        return Path.of(fromEnv == null || fromEnv.isBlank() ? ServeCommand.DEFAULT_CONFIG : fromEnv);
    }
}
