package org.openscis.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration file ({@code conf/openscis.yaml}, decisions.md §10), after {@code ${ENV:default}}
 * interpolation and validation ({@link ConfigLoader}). Every file name in it is absolute: names written with the
 * {@code data:} prefix were resolved against {@code dataDir}, other relative names against the config file's
 * directory. {@code dataDir} itself is absolute.
 */
public record OpenScisConfig(
        String dataDir,
        ListenersConfig listeners,
        LimitsConfig limits,
        SecurityConfig security,
        SwitchKeysConfig switchKeys,
        List<ParticipantConfig> participants,
        List<IssuerConfig> issuers,
        StorageConfig storage,
        ObservabilityConfig observability,
        MoneyConfig money,
        OutboxConfig outbox,
        QrConfig qr) {

    public OpenScisConfig withStorage(StorageConfig newStorage) {
        return new OpenScisConfig(dataDir, listeners, limits, security, switchKeys, participants, issuers, newStorage,
                observability, money, outbox, qr);
    }

    public OpenScisConfig withListeners(ListenersConfig newListeners) {
        return new OpenScisConfig(dataDir, newListeners, limits, security, switchKeys, participants, issuers, storage,
                observability, money, outbox, qr);
    }

    public OpenScisConfig withIssuers(List<IssuerConfig> newIssuers) {
        return new OpenScisConfig(dataDir, listeners, limits, security, switchKeys, participants, newIssuers, storage,
                observability, money, outbox, qr);
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }
}
