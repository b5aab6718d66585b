package org.openscis.connector.link;

/**
 * A snapshot of a {@link PeerLink}: connections established now, requests sent and unanswered now, calls waiting
 * for a connection now, and the highest connection and in-flight counts seen since the link started.
 */
public record LinkStats(int connectionsOpen, int inFlight, int queued, int peakConnections, int peakInFlight) {}
