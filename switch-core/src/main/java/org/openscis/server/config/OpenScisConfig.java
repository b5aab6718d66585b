package org.openscis.server.config;

import java.util.List;

/**
 * The whole configuration file ({@code conf/openscis.yaml}, decisions.md §10), after {@code ${ENV:default}}
 * interpolation and validation. Relative file names are resolved against the config file's directory, except
 * those under {@code dataDir}.
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
        ObservabilityConfig observability) {}
