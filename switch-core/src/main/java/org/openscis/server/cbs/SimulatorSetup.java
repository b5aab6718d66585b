package org.openscis.server.cbs;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openscis.connector.sim.FaultAction;
import org.openscis.connector.sim.FaultRule;
import org.openscis.connector.sim.SimConfig;
import org.openscis.server.adapters.SwitchKeyRing;
import org.openscis.server.config.CbsConfig;
import org.openscis.server.config.IssuerConfig;
import org.openscis.server.keys.CbsSimulatorKeys;

/**
 * The {@link SimConfig} of an issuer's CBS simulator, the same whether the switch embeds it or {@code openscis
 * cbs-sim} runs it alone: it signs with the simulator keys of the data directory, trusts only the switch's signing
 * key (as {@code UPI-APPID} = the issuer), encrypts response fields to the switch's encryption key, and takes its
 * fault rules from the issuer's {@code cbs.simulator} section.
 */
final class SimulatorSetup {

    /** The simulator's response signatures; its keys are RSA. */
    static final String SIGNING_ALG = "RS256";

    private SimulatorSetup() {}

    /**
     * @param seedFile     the seed JSON for an empty ledger, or null for the built-in seed
     * @param databaseFile the ledger's H2 file (without {@code .mv.db}), or null for a private in-memory database
     * @param randomSeed   seeds the fault draws
     */
    static SimConfig config(IssuerConfig issuer, CbsSimulatorKeys keys, SwitchKeyRing switchKeys, String host,
            int port, String seedFile, String databaseFile, long randomSeed) {
        String db = databaseFile == null ? SimConfig.inMemoryJdbcUrl() : "jdbc:h2:file:" + databaseFile;
        String switchKid = switchKeys.signingKid();
        PublicKey switchSigning = switchKeys.signingPublicKey();
        String iin = issuer.iin();
        return new SimConfig(host, port, iin, SIGNING_ALG, keys.signingKid(), keys.signingKey(),
                Map.of(keys.encryptionKid(), keys.encryptionKey()),
                (appId, kid) -> iin.equals(appId) && switchKid.equals(kid) ? Optional.of(switchSigning)
                        : Optional.empty(),
                switchKeys.encryptionKid(), switchKeys.encryptionPublicKey(), issuer.cbs().jweProfile(), db,
                seedFile == null ? null : Path.of(seedFile), faults(issuer.cbs().simulator()), randomSeed, 0);
    }

    private static List<FaultRule> faults(CbsConfig.SimulatorConfig sim) {
        List<FaultRule> faults = new ArrayList<>();
        for (CbsConfig.FaultConfig f : sim.faults()) {
            faults.add(new FaultRule(f.msgType(), f.probability(), f.count(), FaultAction.valueOf(f.action()),
                    f.delay().toMillis(), f.responseCode(), f.applyBeforeFault()));
        }
        return faults;
    }
}
