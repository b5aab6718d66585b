package org.openscis.server.client;

/**
 * Every connection is busy and the wait queue is full: the request was not sent. Callers may back off and retry; a
 * load generator counts these as shed load.
 */
public final class ClientBusyException extends RuntimeException {

    public ClientBusyException(int maxConnections, int maxQueuedRequests) {
        super("all " + maxConnections + " connections are busy and " + maxQueuedRequests
                + " requests are already queued; request not sent");
    }
}
