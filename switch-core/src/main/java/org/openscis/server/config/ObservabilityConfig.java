package org.openscis.server.config;

/**
 * Metrics and logging switches. {@code metricsEnabled} (default true) serves {@code /metrics} on the admin listener;
 * {@code logLevel} (TRACE, DEBUG, INFO, WARN, ERROR or OFF; default INFO) is the level of the {@code org.openscis}
 * loggers.
 */
public record ObservabilityConfig(boolean metricsEnabled, String logLevel) {

    public static ObservabilityConfig defaults() {
        return new ObservabilityConfig(true, "INFO");
    }
}
