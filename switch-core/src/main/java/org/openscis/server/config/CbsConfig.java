package org.openscis.server.config;

import java.time.Duration;

/**
 * The issuer's core-banking link: {@code mode} {@code embedded} (the simulator, default) or {@code http} with a
 * {@code baseUrl}. {@code callTimeout} bounds one CBS call (default 3s, shorter than the request deadline);
 * {@code maxConnections} (default 32) and {@code maxInFlight} (default 256) bound the HTTP client.
 */
public record CbsConfig(String mode, String baseUrl, Duration callTimeout, int maxConnections, int maxInFlight) {

    public static final String EMBEDDED = "embedded";
    public static final String HTTP = "http";

    public static CbsConfig embedded() {
        return new CbsConfig(EMBEDDED, null, Duration.ofSeconds(3), 32, 256);
    }

    public boolean isEmbedded() {
        return EMBEDDED.equals(mode);
    }
}
