package org.openscis.server.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.router.port.Participant;
import org.openscis.server.config.ConfigLoader;
import org.openscis.server.config.ListenerConfig;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.config.ParticipantConfig;
import org.openscis.server.config.SwitchKeysConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the shipped configuration start with no key preparation (decisions.md §10): when
 * {@code switchKeys.generateIfMissing} is on, missing key files inside the data directory are generated (RSA 2048)
 * and a ready-to-use client profile is written for each participant whose keys live there: the first App Gateway's
 * to {@code <dataDir>/appgw-profile/}, the first acquirer's to {@code <dataDir>/acquirer-profile/} (same format;
 * further ones get {@code -<insID>} appended). Existing keys are never replaced. Key files outside the data
 * directory are the operator's and are never generated.
 *
 * <p>Runs as the loader's {@link ConfigLoader.BeforeFileChecks} step, so the keys exist before they are validated.
 */
public final class DevKeyBootstrap implements ConfigLoader.BeforeFileChecks {

    private static final Logger LOG = LoggerFactory.getLogger(DevKeyBootstrap.class);
    /** Directory of the first development App Gateway's client profile inside the data directory. */
    public static final String PROFILE_DIR = "appgw-profile";
    /** Directory of the first development acquirer's client profile inside the data directory. */
    public static final String ACQUIRER_PROFILE_DIR = "acquirer-profile";
    private static final int RSA_BITS = 2048;

    /** What one run created. */
    public record Result(List<Path> generatedKeyFiles, List<Path> profileDirs) {
        public boolean generatedAnything() {
            return !generatedKeyFiles.isEmpty();
        }
    }

    @Override
    public void run(OpenScisConfig config) throws IOException {
        ensure(config);
    }

    /** Generates what is missing; a no-op when {@code generateIfMissing} is off or everything exists. */
    public Result ensure(OpenScisConfig config) throws IOException {
        if (!config.switchKeys().generateIfMissing()) {
            return new Result(List.of(), List.of());
        }
        Run run = new Run(config);
        run.switchKeys();
        run.appGateways();
        Result result = new Result(List.copyOf(run.generated), List.copyOf(run.profiles));
        if (result.generatedAnything()) {
            warn(result);
        }
        return result;
    }

    /** The client profile directory of the {@code index}-th App Gateway with development keys. */
    public static Path profileDir(Path dataDir, String insId, int index) {
        return dataDir.resolve(index == 0 ? PROFILE_DIR : PROFILE_DIR + "-" + insId);
    }

    /** The client profile directory of the {@code index}-th acquirer with development keys. */
    public static Path acquirerProfileDir(Path dataDir, String insId, int index) {
        return dataDir.resolve(index == 0 ? ACQUIRER_PROFILE_DIR : ACQUIRER_PROFILE_DIR + "-" + insId);
    }

    /** Where the App Gateway listener is reachable from this machine. */
    static String baseUrl(ListenerConfig http) {
        String host = http.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.isBlank()) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return (http.tls() == null ? "http" : "https") + "://" + host + ":" + http.port();
    }

    private static void warn(Result result) {
        String newline = System.lineSeparator();
        StringBuilder files = new StringBuilder();
        result.generatedKeyFiles().forEach(f -> files.append(newline).append("    ").append(f));
        result.profileDirs().forEach(d -> files.append(newline).append("    client profile: ").append(d));
        LOG.warn("""

                ************************************************************************************
                *  DEVELOPMENT KEYS GENERATED (switchKeys.generateIfMissing is true).                *
                *  They are NOT FOR PRODUCTION: anyone with the data directory can impersonate the   *
                *  switch, its App Gateway or acquirer. Set generateIfMissing: false, use real keys. *
                ************************************************************************************{}""",
                files);
    }

    /** One bootstrap pass; remembers what it wrote. */
    private static final class Run {
        private final OpenScisConfig config;
        private final Path dataDir;
        private final List<Path> generated = new ArrayList<>();
        private final List<Path> profiles = new ArrayList<>();

        Run(OpenScisConfig config) {
            this.config = config;
            this.dataDir = config.dataPath();
        }

        void switchKeys() throws IOException {
            SwitchKeysConfig keys = config.switchKeys();
            generateSwitchKey(keys.signingKeyFile());
            for (SwitchKeysConfig.KeyRef ref : keys.encryptionKeys()) {
                generateSwitchKey(ref.file());
            }
        }

        /** A private key file plus its public half beside it, for handing to App Gateways. */
        private void generateSwitchKey(String file) throws IOException {
            Path path = Path.of(file);
            if (Files.exists(path) || !inDataDir(path)) {
                return;
            }
            KeyPair pair = KeyMaterial.generateRsa(RSA_BITS);
            SecureFiles.writePrivate(path, KeyMaterial.toPem(pair.getPrivate()));
            generated.add(path);
            Path publicFile = publicSibling(path);
            if (!Files.exists(publicFile)) {
                SecureFiles.writePublic(publicFile, KeyMaterial.toPem(pair.getPublic()));
                generated.add(publicFile);
            }
        }

        /**
         * Participants of both kinds: an acquirer's profile has the same format, so it needs an encryption key too
         * (an acquirer configured without one gets no profile).
         */
        void appGateways() throws IOException {
            int appGateways = 0;
            int acquirers = 0;
            for (ParticipantConfig participant : config.participants()) {
                if (participant.signingKeys().isEmpty()
                        || participant.encryptionKeyFile() == null || participant.encryptionKid() == null) {
                    continue;
                }
                Map.Entry<String, String> signing = participant.signingKeys().entrySet().iterator().next();
                Path signingFile = Path.of(signing.getValue());
                Path encryptionFile = Path.of(participant.encryptionKeyFile());
                if (!inDataDir(signingFile) || !inDataDir(encryptionFile)) {
                    continue;
                }
                Path dir = participant.kind() == Participant.Kind.ACQUIRER
                        ? acquirerProfileDir(dataDir, participant.insId(), acquirers++)
                        : profileDir(dataDir, participant.insId(), appGateways++);
                appGateway(participant, signing.getKey(), signingFile, encryptionFile, dir);
            }
        }

        /**
         * Generates the App Gateway's missing key pairs and its client profile. The private half of a key whose
         * public file already exists can only come from an earlier profile; without it nothing is generated (a
         * profile with a key the switch does not know would be useless) and validation reports the missing file.
         */
        private void appGateway(ParticipantConfig participant, String signingKid, Path signingFile,
                Path encryptionFile, Path profileDir) throws IOException {
            boolean signingMissing = !Files.exists(signingFile);
            boolean encryptionMissing = !Files.exists(encryptionFile);
            if (!signingMissing && !encryptionMissing) {
                return;
            }
            ClientProfile earlier = earlierProfile(profileDir, participant.insId());
            PrivateKey signingKey = signingMissing ? null : earlierKey(earlier, signingKid, true);
            PrivateKey encryptionKey = encryptionMissing ? null
                    : earlierKey(earlier, participant.encryptionKid(), false);
            if ((!signingMissing && signingKey == null) || (!encryptionMissing && encryptionKey == null)) {
                LOG.warn("participant {}: one of its key files exists but its private key is not in {}; "
                        + "not generating the other one", participant.insId(), profileDir);
                return;
            }
            SwitchPublicKeys switchKeys = switchPublicKeys();
            if (switchKeys == null) {
                return;
            }
            if (signingMissing) {
                signingKey = generateParticipantKey(signingFile);
            }
            if (encryptionMissing) {
                encryptionKey = generateParticipantKey(encryptionFile);
            }
            SwitchKeysConfig keys = config.switchKeys();
            new ClientProfile(baseUrl(config.listeners().http()), participant.insId(), signingKid, signingKey,
                    participant.encryptionKid(), encryptionKey, keys.signingKid(), switchKeys.signing(),
                    keys.encryptionKeys().get(0).kid(), switchKeys.encryption()).write(profileDir);
            profiles.add(profileDir);
        }

        /** Writes the public half at {@code publicFile} and returns the private half for the profile. */
        private PrivateKey generateParticipantKey(Path publicFile) throws IOException {
            KeyPair pair = KeyMaterial.generateRsa(RSA_BITS);
            SecureFiles.writePublic(publicFile, KeyMaterial.toPem(pair.getPublic()));
            generated.add(publicFile);
            return pair.getPrivate();
        }

        /** The switch's current public keys from its private key files; null (with a warning) when unreadable. */
        private SwitchPublicKeys switchPublicKeys() {
            SwitchKeysConfig keys = config.switchKeys();
            try {
                return new SwitchPublicKeys(publicKeyOf(keys.signingKeyFile()),
                        publicKeyOf(keys.encryptionKeys().get(0).file()));
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("cannot write an App Gateway client profile: the switch keys cannot be read ({})",
                        e.getMessage());
                return null;
            }
        }

        private static PublicKey publicKeyOf(String privateKeyFile) throws IOException {
            return PublicKeys.of(KeyMaterial.readPrivateKey(Files.readString(Path.of(privateKeyFile))));
        }

        private static ClientProfile earlierProfile(Path dir, String insId) {
            if (!Files.exists(dir.resolve(ClientProfile.PROFILE_FILE))) {
                return null;
            }
            try {
                ClientProfile profile = ClientProfile.load(dir);
                return profile.insId().equals(insId) ? profile : null;
            } catch (IOException e) {
                LOG.warn("ignoring unreadable client profile: {}", e.getMessage());
                return null;
            }
        }

        private static PrivateKey earlierKey(ClientProfile profile, String kid, boolean signing) {
            if (profile == null) {
                return null;
            }
            if (signing) {
                return profile.signingKid().equals(kid) ? profile.signingKey() : null;
            }
            return profile.encryptionKid().equals(kid) ? profile.encryptionKey() : null;
        }

        private boolean inDataDir(Path file) {
            return file.toAbsolutePath().normalize().startsWith(dataDir);
        }

        /** {@code keys/switch-signing.pem} → {@code keys/switch-signing.pub.pem}. */
        private static Path publicSibling(Path privateFile) {
            String name = privateFile.getFileName().toString();
            String stem = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
            return privateFile.resolveSibling(stem + ".pub.pem");
        }
    }

    private record SwitchPublicKeys(PublicKey signing, PublicKey encryption) {}
}
