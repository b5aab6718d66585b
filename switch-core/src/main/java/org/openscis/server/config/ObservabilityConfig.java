package org.openscis.server.config;

/** Metrics and logging switches. */
public record ObservabilityConfig(boolean metricsEnabled, String logLevel) {}
