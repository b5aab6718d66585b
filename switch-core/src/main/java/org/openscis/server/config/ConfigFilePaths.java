package org.openscis.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves file names written in the configuration. A name starting with {@value #DATA_PREFIX} lives in the data
 * directory (generated keys, the database); any other relative name is resolved against the directory of the
 * configuration file (files an operator ships with the config: partner keys, card art, TLS material); absolute names
 * stay as written. The result is absolute and normalised.
 */
final class ConfigFilePaths {

    /** Prefix of names inside the data directory, e.g. {@code data:keys/switch-signing.pem}. */
    static final String DATA_PREFIX = "data:";

    private final Path configDir;
    private final Path dataDir;

    ConfigFilePaths(Path configDir, Path dataDir) {
        this.configDir = configDir.toAbsolutePath().normalize();
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    Path dataDir() {
        return dataDir;
    }

    /** The absolute path {@code name} stands for; IllegalArgumentException naming what is wrong. */
    Path resolve(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("must be a file name");
        }
        try {
            if (name.startsWith(DATA_PREFIX)) {
                Path inData = Path.of(name.substring(DATA_PREFIX.length()));
                if (inData.isAbsolute() || inData.toString().isEmpty()) {
                    throw new IllegalArgumentException("\"" + name + "\": a " + DATA_PREFIX
                            + " name must be relative to the data directory");
                }
                return dataDir.resolve(inData).normalize();
            }
            return configDir.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid file name: " + e.getReason());
        }
    }

    /** True when {@code file} (absolute) lies inside the data directory. */
    boolean inDataDir(Path file) {
        return file.toAbsolutePath().normalize().startsWith(dataDir);
    }
}
