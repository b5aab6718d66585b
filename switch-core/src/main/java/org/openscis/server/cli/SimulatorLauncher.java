package org.openscis.server.cli;

import org.openscis.server.config.OpenScisConfig;

/**
 * Starts an issuer's core-banking simulator for {@code openscis cbs-sim}. The implementation registers itself in
 * {@code META-INF/services/org.openscis.server.cli.SimulatorLauncher}; {@link Main} uses the first one found.
 */
public interface SimulatorLauncher {

    /**
     * Starts the simulator of {@code options.issuerIin()}, one of {@code config}'s issuers, and returns once it
     * listens. Its keys are the data directory's simulator keys (created if missing); it trusts the switch's signing
     * key and encrypts answers to the switch's encryption key, both from {@code config}. An IOException or
     * UncheckedIOException (e.g. the port is taken) ends the command with {@link ExitCodes#IO}.
     */
    RunningSimulator start(OpenScisConfig config, SimulatorOptions options) throws Exception;
}
