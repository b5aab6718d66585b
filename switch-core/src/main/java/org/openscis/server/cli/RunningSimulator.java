package org.openscis.server.cli;

import java.nio.file.Path;

/**
 * A started simulator, as {@link SimulatorLauncher#start} returns it, with what a switch needs to link to it
 * ({@code mode: http}).
 */
public interface RunningSimulator extends AutoCloseable {

    /** The switch's {@code cbs.baseUrl}: {@code http://host:port} with the bound port. */
    String baseUrl();

    /** The kid of the simulator's response signatures, the key of {@code cbs.signingKeys}. */
    String signingKid();

    /** The public key that verifies them, the value of {@code cbs.signingKeys}. */
    Path signingPublicKeyFile();

    /** {@code cbs.encryptionKid}: the switch encrypts account data to this key. */
    String encryptionKid();

    /** {@code cbs.encryptionKeyFile}. */
    Path encryptionPublicKeyFile();

    /** Blocks until the simulator has stopped (after {@link #close()}, from another thread or a shutdown hook). */
    void awaitShutdown() throws InterruptedException;

    /** Stops listening, lets running messages finish, closes the ledger. Idempotent. */
    @Override
    void close();
}
