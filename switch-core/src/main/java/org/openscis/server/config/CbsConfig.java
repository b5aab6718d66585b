package org.openscis.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openscis.codec.jose.JweProfile;

/**
 * The issuer's core-banking link: {@code mode} {@code embedded} (the simulator, default) or {@code http} with a
 * {@code baseUrl}. {@code callTimeout} bounds one CBS call (default 3s, shorter than the request deadline);
 * {@code maxConnections} (default 32), {@code maxInFlight} (default 256) and {@code maxQueued} (default 1024) bound
 * the HTTP client; {@code paths} overrides {@code /cbs/<msgtype>} per CBS message type. For {@code http}:
 * {@code signingKeys} (kid → public key file) verify the CBS's answers and requests, {@code encryptionKid} /
 * {@code encryptionKeyFile} / {@code jweProfile} say how account data is encrypted to it. {@code embedded} uses keys
 * kept in the data directory instead, and {@code simulator} configures the simulator.
 */
public record CbsConfig(
        String mode,
        String baseUrl,
        Duration callTimeout,
        Duration connectTimeout,
        int maxConnections,
        int maxInFlight,
        int maxQueued,
        Map<String, String> paths,
        Map<String, String> signingKeys,
        String encryptionKid,
        String encryptionKeyFile,
        JweProfile jweProfile,
        SimulatorConfig simulator) {

    public static final String EMBEDDED = "embedded";
    public static final String HTTP = "http";

    public static CbsConfig embedded() {
        return new CbsConfig(EMBEDDED, null, Duration.ofSeconds(3), Duration.ofSeconds(1), 32, 256, 1024, Map.of(),
                Map.of(), null, null, JweProfile.RSA_OAEP_256_A128GCM, SimulatorConfig.defaults());
    }

    public boolean isEmbedded() {
        return EMBEDDED.equals(mode);
    }

    /**
     * The embedded simulator: {@code seedFile} (null = the built-in seed), {@code databaseFile} (its own H2 file, so
     * the ledger survives restarts), fault rules active from the start, and the loopback {@code port} it listens on
     * (0, the default: a free one; a fixed port lets operators reach its {@code /sim/...} endpoints, e.g.
     * {@code POST /sim/withdraw}).
     */
    public record SimulatorConfig(String seedFile, String databaseFile, List<FaultConfig> faults, int port) {

        /** A free port, chosen when the simulator starts. */
        public static final int ANY_PORT = 0;

        public static SimulatorConfig defaults() {
            return new SimulatorConfig(null, null, List.of(), ANY_PORT);
        }
    }

    /** One fault rule of the simulator (see the simulator's FaultRule). */
    public record FaultConfig(String msgType, double probability, int count, String action, Duration delay,
            String responseCode, boolean applyBeforeFault) {}
}
