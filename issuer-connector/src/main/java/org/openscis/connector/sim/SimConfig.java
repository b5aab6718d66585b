package org.openscis.connector.sim;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.openscis.codec.jose.JweProfile;

/**
 * How to run a {@link CbsSimulator}.
 *
 * @param host the address to listen on (null: {@value #LOOPBACK})
 * @param port the port, or 0 for a free one ({@link CbsSimulator#port()} tells which)
 * @param issuerIin the issuer the simulator plays: requests must carry it as {@code insID} and {@code UPI-APPID};
 *     responses are signed with it as {@code UPI-APPID}
 * @param signingAlg RS256, PS256 or ES256 (null: RS256) for response signatures
 * @param signingKid the {@code kid} of {@code signingKey}
 * @param signingKey the simulator's (issuer's CBS) signing key
 * @param decryptionKeys the simulator's private keys by kid, for the JWE fields of requests
 * @param switchSigningKeys the switch's signing public key for ({@code UPI-APPID}, {@code kid}), if any
 * @param switchEncryptionKid the kid to put in response JWE headers
 * @param switchEncryptionKey the switch's encryption key for {@code accountInfo} in responses; null sends it as a
 *     plain nested object (only for tests of a client without encryption)
 * @param responseJweProfile the JWE algorithms of responses (null: RSA-OAEP-256/A128GCM)
 * @param jdbcUrl the simulator's own H2 database, e.g. {@link #inMemoryJdbcUrl()} or {@code jdbc:h2:file:/path/cbs}
 * @param seedFile the seed JSON for an empty database (null: the built-in seed)
 * @param faults fault rules active from the start (null: none)
 * @param randomSeed seeds the fault plan's random draws, so a run can be repeated exactly
 * @param maxBodyBytes the largest request body accepted (413 above it); 0 means {@value #DEFAULT_MAX_BODY_BYTES}
 */
public record SimConfig(String host, int port, String issuerIin, String signingAlg, String signingKid,
        PrivateKey signingKey, Map<String, PrivateKey> decryptionKeys,
        BiFunction<String, String, Optional<PublicKey>> switchSigningKeys, String switchEncryptionKid,
        PublicKey switchEncryptionKey, JweProfile responseJweProfile, String jdbcUrl, Path seedFile,
        List<FaultRule> faults, long randomSeed, int maxBodyBytes) {

    public static final String LOOPBACK = "127.0.0.1";
    /** The switch's own body limit (decisions.md §2). */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    private static final Set<String> ALGS = Set.of("RS256", "PS256", "ES256");

    public SimConfig {
        host = host == null || host.isBlank() ? LOOPBACK : host;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
        if (issuerIin == null || issuerIin.isBlank()) {
            throw new IllegalArgumentException("issuerIin is required");
        }
        signingAlg = signingAlg == null ? "RS256" : signingAlg;
        if (!ALGS.contains(signingAlg)) {
            throw new IllegalArgumentException("signingAlg must be one of " + ALGS);
        }
        if (signingKid == null || signingKid.isBlank()) {
            throw new IllegalArgumentException("signingKid is required");
        }
        Objects.requireNonNull(signingKey, "signingKey");
        decryptionKeys = decryptionKeys == null ? Map.of() : Map.copyOf(decryptionKeys);
        Objects.requireNonNull(switchSigningKeys, "switchSigningKeys");
        responseJweProfile = responseJweProfile == null ? JweProfile.RSA_OAEP_256_A128GCM : responseJweProfile;
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("jdbcUrl is required");
        }
        faults = faults == null ? List.of() : List.copyOf(faults);
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative");
        }
        maxBodyBytes = maxBodyBytes == 0 ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
    }

    /** A fresh private in-memory database URL ({@code jdbc:h2:mem:cbs-<uuid>}), dropped when the simulator closes. */
    public static String inMemoryJdbcUrl() {
        return "jdbc:h2:mem:cbs-" + UUID.randomUUID();
    }

    /** The same configuration with other fault rules. */
    public SimConfig withFaults(List<FaultRule> rules) {
        return new SimConfig(host, port, issuerIin, signingAlg, signingKid, signingKey, decryptionKeys,
                switchSigningKeys, switchEncryptionKid, switchEncryptionKey, responseJweProfile, jdbcUrl, seedFile,
                rules, randomSeed, maxBodyBytes);
    }

    /** The same configuration on another database. */
    public SimConfig withJdbcUrl(String url) {
        return new SimConfig(host, port, issuerIin, signingAlg, signingKid, signingKey, decryptionKeys,
                switchSigningKeys, switchEncryptionKid, switchEncryptionKey, responseJweProfile, url, seedFile,
                faults, randomSeed, maxBodyBytes);
    }

    /** Never prints keys. */
    @Override
    public String toString() {
        return "SimConfig[" + host + ":" + port + " issuer " + issuerIin + " " + signingAlg + " kid " + signingKid
                + ", decryption kids " + decryptionKeys.keySet() + ", " + faults.size() + " fault rule(s), max body "
                + maxBodyBytes + " bytes]";
    }
}
