package org.openscis.server.config;

import java.time.Duration;

/**
 * Sizes, counts and times that bound the switch. Names carry their unit.
 *
 * @param maxBodyBytes        largest request body (HTTP 413 above), default 65536
 * @param maxHeaderBytes      largest header block (HTTP 431 above), default 8192
 * @param workerThreads       threads running handlers and storage, default 16
 * @param workerQueueLength   requests waiting for a worker before HTTP 503, default 1024
 * @param maxQueueWait        longest a request may wait for a worker; older ones get HTTP 503 at once, default 1s
 * @param requestDeadline     end-to-end deadline of an App Gateway request, default 8s
 * @param idleTimeout         keep-alive connection idle time before close, default 60s
 * @param maxConnections      concurrent inbound connections, default 10000
 */
public record LimitsConfig(
        int maxBodyBytes,
        int maxHeaderBytes,
        int workerThreads,
        int workerQueueLength,
        Duration maxQueueWait,
        Duration requestDeadline,
        Duration idleTimeout,
        int maxConnections) {

    /** Upper bound of {@code maxBodyBytes}: messages are small JSON documents, never uploads. */
    public static final int MAX_BODY_BYTES_CEILING = 16 * 1024 * 1024;

    /** The documented defaults. */
    public static LimitsConfig defaults() {
        return new LimitsConfig(65_536, 8192, 16, 1024, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60), 10_000);
    }
}
