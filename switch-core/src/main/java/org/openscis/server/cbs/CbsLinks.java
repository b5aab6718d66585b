package org.openscis.server.cbs;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.JweResult;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.connector.cbs.CbsClient;
import org.openscis.connector.cbs.CbsFieldCipher;
import org.openscis.connector.link.LinkConfig;
import org.openscis.connector.link.LinkSigner;
import org.openscis.connector.link.LinkStats;
import org.openscis.connector.link.PeerLink;
import org.openscis.connector.sim.CbsSimulator;
import org.openscis.connector.sim.SimConfig;
import org.openscis.connector.sim.bank.Withdrawal;
import org.openscis.router.port.FieldCrypto;
import org.openscis.server.adapters.SwitchKeyRing;
import org.openscis.server.config.CbsConfig;
import org.openscis.server.config.IssuerConfig;
import org.openscis.server.keys.CbsSimulatorKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the CBS link of every configured issuer: for {@code mode: embedded} it first starts the simulator on
 * loopback (its own database under the data directory, its keys in {@code keys/cbs-<iin>-*.pem}) and links to it
 * exactly as to a real CBS, over HTTP with signatures and JWE, so the embedded default exercises the real path.
 */
public final class CbsLinks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CbsLinks.class);
    /** Keeps a drained simulator from closing pooled connections the link still holds (see PeerLink). */
    private static final Duration RECONNECT_MIN = Duration.ofMillis(50);
    private static final Duration RECONNECT_MAX = Duration.ofSeconds(5);
    private static final int CIRCUIT_FAILURES = 20;
    private static final Duration CIRCUIT_OPEN = Duration.ofSeconds(5);
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private final Map<String, CbsClient> clients = new LinkedHashMap<>();
    private final Map<String, PeerLink> links = new LinkedHashMap<>();
    private final Map<String, CbsSimulator> simulators = new LinkedHashMap<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private CbsLinks() {}

    /**
     * @param simulatorSeed seeds the embedded simulators' fault draws (repeatable runs)
     */
    public static CbsLinks open(List<IssuerConfig> issuers, SwitchKeyRing switchKeys, FieldCrypto fieldCrypto,
            EventLoopGroup group, Path dataDir, Clock clock, MeterRegistry registry, long simulatorSeed)
            throws Exception {
        CbsLinks result = new CbsLinks();
        try {
            for (IssuerConfig issuer : issuers) {
                result.open(issuer, switchKeys, fieldCrypto, group, dataDir, clock, registry, simulatorSeed);
            }
            return result;
        } catch (Exception | Error e) {
            result.close();
            throw e;
        }
    }

    private void open(IssuerConfig issuer, SwitchKeyRing switchKeys, FieldCrypto fieldCrypto, EventLoopGroup group,
            Path dataDir, Clock clock, MeterRegistry registry, long seed) throws Exception {
        CbsConfig cbs = issuer.cbs();
        URI base;
        Map<String, PublicKey> peerSigningKeys = new HashMap<>();
        String issuerEncKid;
        PublicKey issuerEncKey;
        JweProfile profile = cbs.jweProfile();
        if (cbs.isEmbedded()) {
            CbsSimulatorKeys keys = CbsSimulatorKeys.loadOrCreate(dataDir, issuer.iin());
            CbsConfig.SimulatorConfig simCfg = cbs.simulator();
            CbsSimulator sim = CbsSimulator.start(SimulatorSetup.config(issuer, keys, switchKeys, SimConfig.LOOPBACK,
                    simCfg.port(), simCfg.seedFile(), simCfg.databaseFile(), seed), clock);
            closeables.add(sim);
            simulators.put(issuer.iin(), sim);
            base = URI.create(sim.baseUrl());
            peerSigningKeys.put(keys.signingKid(), keys.signingPublicKey());
            issuerEncKid = keys.encryptionKid();
            issuerEncKey = keys.encryptionPublicKey();
            LOG.info("embedded CBS simulator of issuer {} listening on {}", issuer.iin(), base);
        } else {
            base = URI.create(cbs.baseUrl());
            cbs.signingKeys().forEach((kid, file) -> peerSigningKeys.put(kid, publicKey(file)));
            issuerEncKid = cbs.encryptionKid();
            issuerEncKey = publicKey(cbs.encryptionKeyFile());
        }
        LinkConfig linkConfig = new LinkConfig(base, cbs.maxConnections(), cbs.maxInFlight(), cbs.maxQueued(),
                cbs.connectTimeout(), cbs.callTimeout(), RECONNECT_MIN, RECONNECT_MAX, CIRCUIT_FAILURES,
                CIRCUIT_OPEN, MAX_RESPONSE_BYTES);
        SslContext ssl = "https".equalsIgnoreCase(base.getScheme())
                ? SslContextBuilder.forClient().protocols("TLSv1.3", "TLSv1.2").build() : null;
        String iin = issuer.iin();
        BiFunction<String, String, Optional<PublicKey>> peerKeys = (appId, kid) -> iin.equals(appId)
                ? Optional.ofNullable(peerSigningKeys.get(kid)) : Optional.empty();
        PeerLink link = new PeerLink("cbs-" + iin, linkConfig, ssl, group,
                new LinkSigner(switchKeys.signingAlgorithm(), switchKeys.signingKid(), switchKeys.signingKey()),
                peerKeys, clock, registry);
        closeables.add(link);
        links.put(iin, link);
        CbsFieldCipher cipher = new CbsFieldCipher() {
            @Override
            public String encryptForIssuer(byte[] plaintextJson) {
                return JweCodec.encrypt(plaintextJson, issuerEncKey, issuerEncKid, profile);
            }

            @Override
            public JweResult decryptForSwitch(String compactJwe) {
                return fieldCrypto.decryptForSwitch(compactJwe);
            }
        };
        clients.put(iin, new CbsClient(iin, link, cbs.paths(), cipher, clock));
    }

    private static PublicKey publicKey(String file) {
        try {
            return KeyMaterial.readPublicKey(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("CBS key file " + file + " unreadable", e);
        }
    }

    public Map<String, CbsClient> clients() {
        return Map.copyOf(clients);
    }

    /** The embedded simulator of an issuer, if it runs one (tests and the admin API reach its ledger and faults). */
    public Optional<CbsSimulator> simulator(String issuerIin) {
        return Optional.ofNullable(simulators.get(issuerIin));
    }

    /**
     * Calls {@code listener} with the issuer's IIN after each withdrawal against a cash-out token at any embedded
     * simulator, on the thread that made the withdrawal: a simulator worker for {@code POST /sim/withdraw}, the
     * caller of {@link CbsSimulator#withdraw}. Both are blocking contexts, never an event loop, so the listener may
     * use the database. A standalone CBS reports nothing (there is no CBS → switch message yet).
     */
    public void onWithdrawal(BiConsumer<String, Withdrawal> listener) {
        Objects.requireNonNull(listener, "listener");
        simulators.forEach((iin, sim) -> sim.onWithdrawal(w -> listener.accept(iin, w)));
    }

    /** Connection and in-flight figures of every link, for the load report and metrics. */
    public Map<String, LinkStats> stats() {
        Map<String, LinkStats> out = new LinkedHashMap<>();
        links.forEach((iin, link) -> out.put(iin, link.stats()));
        return out;
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.warn("error while closing a CBS link", e);
            }
        }
        closeables.clear();
    }

}
