package org.openscis.server.config;

import java.time.Duration;

/**
 * Sizes, counts and times that bound the switch. Names carry their unit.
 *
 * @param maxBodyBytes        largest request body (HTTP 413 above), default 65536
 * @param maxHeaderBytes      largest header block (HTTP 431 above), default 8192
 * @param workerThreads       threads running handlers and storage, default 16
 * @param workerQueueLength   requests waiting for a worker before HTTP 503, default 1024
 * @param requestDeadline     end-to-end deadline of an App Gateway request, default 8s
 * @param idleTimeout         keep-alive connection idle time before close, default 60s
 * @param maxConnections      concurrent inbound connections, default 10000
 */
public record LimitsConfig(
        int maxBodyBytes,
        int maxHeaderBytes,
        int workerThreads,
        int workerQueueLength,
        Duration requestDeadline,
        Duration idleTimeout,
        int maxConnections) {}
