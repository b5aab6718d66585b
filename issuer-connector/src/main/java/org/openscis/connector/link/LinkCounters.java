package org.openscis.connector.link;

/**
 * The counts a link publishes (gauges, {@link LinkStats}). Written on the link's event loop only, read from any
 * thread: volatile fields are enough for single-writer counters.
 */
final class LinkCounters {

    private volatile int connections;
    private volatile int inFlight;
    private volatile int queued;
    private volatile int peakConnections;
    private volatile int peakInFlight;

    void update(int connectionsNow, int inFlightNow, int queuedNow) {
        connections = connectionsNow;
        inFlight = inFlightNow;
        queued = queuedNow;
        if (connectionsNow > peakConnections) {
            peakConnections = connectionsNow;
        }
        if (inFlightNow > peakInFlight) {
            peakInFlight = inFlightNow;
        }
    }

    int connections() {
        return connections;
    }

    int inFlight() {
        return inFlight;
    }

    int queued() {
        return queued;
    }

    int peakConnections() {
        return peakConnections;
    }

    int peakInFlight() {
        return peakInFlight;
    }

    LinkStats snapshot() {
        return new LinkStats(connections, inFlight, queued, peakConnections, peakInFlight);
    }
}
