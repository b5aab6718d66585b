package org.openscis.server.cbs;

import java.nio.file.Path;
import java.time.Clock;
import org.openscis.connector.sim.CbsSimulator;
import org.openscis.server.adapters.SwitchKeyRing;
import org.openscis.server.cli.RunningSimulator;
import org.openscis.server.cli.SimulatorLauncher;
import org.openscis.server.cli.SimulatorOptions;
import org.openscis.server.config.CbsConfig;
import org.openscis.server.config.IssuerConfig;
import org.openscis.server.config.OpenScisConfig;
import org.openscis.server.keys.CbsSimulatorKeys;

/**
 * What {@code openscis cbs-sim} starts: the issuer's simulator exactly as the switch would embed it (same keys, same
 * ledger file and faults unless the options say otherwise), but on the host and port asked for, on the system clock.
 */
public final class StandaloneSimulatorLauncher implements SimulatorLauncher {

    /** Fault draws are repeatable from run to run, as the embedded simulators' are. */
    static final long RANDOM_SEED = 20261125L;

    @Override
    public RunningSimulator start(OpenScisConfig config, SimulatorOptions options) throws Exception {
        IssuerConfig issuer = config.issuers().stream()
                .filter(i -> i.iin().equals(options.issuerIin()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("issuer " + options.issuerIin() + " is not configured"));
        Path dataDir = config.dataPath();
        CbsSimulatorKeys keys = CbsSimulatorKeys.loadOrCreate(dataDir, issuer.iin());
        SwitchKeyRing switchKeys = SwitchKeyRing.load(config.switchKeys());
        CbsConfig.SimulatorConfig configured = issuer.cbs().simulator();
        String seed = options.seedFile() != null ? options.seedFile().toString() : configured.seedFile();
        String database = options.databaseFile() != null ? options.databaseFile().toString()
                : configured.databaseFile();
        CbsSimulator sim = CbsSimulator.start(SimulatorSetup.config(issuer, keys, switchKeys, options.host(),
                options.port(), seed, database, RANDOM_SEED), Clock.systemUTC());
        return new StandaloneSimulator(sim, keys, dataDir, issuer.iin(), options.host());
    }
}
