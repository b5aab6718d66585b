package org.openscis.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Loads {@code openscis.yaml}: {@code ${ENV:default}} interpolation, typing with defaults, range and format checks,
 * then (after an optional bootstrap step that may create development keys) checks of the files it names. Every
 * problem found is reported at once in one {@link ConfigException}.
 *
 * <p>Typical use: {@code ConfigLoader.builder().dataDirOverride(dir).beforeFileChecks(bootstrap).build().load(file)}.
 */
public final class ConfigLoader {

    /** A configuration file larger than this is certainly not one. */
    static final long MAX_CONFIG_BYTES = 1024 * 1024;

    /** Runs once the configuration is well formed, before key files are checked: the development key bootstrap. */
    @FunctionalInterface
    public interface BeforeFileChecks {
        void run(OpenScisConfig config) throws IOException;
    }

    private final Function<String, String> env;
    private final Path workingDir;
    private final Path dataDirOverride;
    private final BeforeFileChecks beforeFileChecks;

    private ConfigLoader(Builder builder) {
        this.env = builder.env;
        this.workingDir = builder.workingDir.toAbsolutePath().normalize();
        this.dataDirOverride = builder.dataDirOverride;
        this.beforeFileChecks = builder.beforeFileChecks;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The validated configuration with absolute file names. IOException only comes from the
     * {@link BeforeFileChecks} step; a missing or unreadable configuration file is a ConfigException.
     */
    public OpenScisConfig load(Path file) throws ConfigException, IOException {
        Path source = workingDir.resolve(file).toAbsolutePath().normalize();
        String text = read(source);
        Problems problems = new Problems();
        YamlNode tree = YamlReader.read(text, problems);
        if (tree == null) {
            throw new ConfigException(source.toString(), problems.lines());
        }
        YamlNode interpolated = new EnvInterpolator(env).interpolate(tree, "", problems);
        OpenScisConfig config = new ConfigBinder(problems, source.getParent(), workingDir, dataDirOverride)
                .bind(interpolated);
        boolean bootstrapped = problems.isEmpty() && beforeFileChecks != null;
        if (bootstrapped) {
            beforeFileChecks.run(config);
        }
        boolean keysMayBeGenerated = config.switchKeys().generateIfMissing() && !bootstrapped;
        ConfigFilePaths paths = new ConfigFilePaths(source.getParent(), config.dataPath());
        new ConfigFiles(problems, paths, keysMayBeGenerated).check(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(source.toString(), problems.lines());
        }
        return config;
    }

    private static String read(Path source) throws ConfigException {
        try {
            if (Files.size(source) > MAX_CONFIG_BYTES) {
                throw new ConfigException(source.toString(), List.of("(file): larger than " + MAX_CONFIG_BYTES
                        + " bytes; this is not a configuration file"));
            }
            return Files.readString(source, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source.toString(), List.of("(file): does not exist"));
        } catch (IOException e) {
            throw new ConfigException(source.toString(), List.of("(file): cannot be read: " + e.getMessage()));
        }
    }

    public static final class Builder {
        private Function<String, String> env = System::getenv;
        private Path workingDir = Path.of("");
        private Path dataDirOverride;
        private BeforeFileChecks beforeFileChecks;

        private Builder() {}

        /** Where {@code ${NAME}} values come from; returns null for an unset variable. Default: the process. */
        public Builder env(Function<String, String> env) {
            this.env = Objects.requireNonNull(env);
            return this;
        }

        /** What a relative data directory (and a relative config file name) is relative to. Default: the cwd. */
        public Builder workingDir(Path workingDir) {
            this.workingDir = Objects.requireNonNull(workingDir);
            return this;
        }

        /** Replaces the file's {@code dataDir} (the CLI's {@code --data-dir}); null keeps the file's. */
        public Builder dataDirOverride(Path dataDir) {
            this.dataDirOverride = dataDir;
            return this;
        }

        public Builder beforeFileChecks(BeforeFileChecks step) {
            this.beforeFileChecks = step;
            return this;
        }

        public ConfigLoader build() {
            return new ConfigLoader(this);
        }
    }
}
