package org.openscis.server.cli;

import java.nio.file.Path;

/**
 * How {@code openscis cbs-sim} runs the simulator.
 *
 * @param issuerIin    the issuer it plays (one of the configuration's)
 * @param host         the address to listen on
 * @param port         the port (0: a free one)
 * @param seedFile     the seed JSON for an empty ledger; null: the issuer's {@code cbs.simulator.seedFile}, else the
 *                     built-in seed
 * @param databaseFile its H2 ledger file (without {@code .mv.db}); null: the issuer's
 *                     {@code cbs.simulator.databaseFile}, the one the embedded simulator uses
 */
public record SimulatorOptions(String issuerIin, String host, int port, Path seedFile, Path databaseFile) {}
