package org.openscis.server.config;

import java.time.Duration;

/** The issuer's core-banking link: {@code embedded} (the simulator, default) or a base URL. */
public record CbsConfig(String mode, String baseUrl, Duration callTimeout, int maxConnections, int maxInFlight) {}
