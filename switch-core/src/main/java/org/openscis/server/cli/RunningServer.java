package org.openscis.server.cli;

/** A started switch, as {@link ServerLauncher#start} returns it. */
public interface RunningServer extends AutoCloseable {

    /** The bound App Gateway / acquirer port (the real one when the configuration asked for port 0). */
    int httpPort();

    /** The bound admin port. */
    int adminPort();

    /** Blocks until the server has stopped (after {@link #close()}, from another thread or a shutdown hook). */
    void awaitShutdown() throws InterruptedException;

    /** Stops accepting, lets in-flight requests finish within their deadline, releases everything. Idempotent. */
    @Override
    void close();
}
