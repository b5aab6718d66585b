package org.openscis.connector.sim;

/** What a {@link FaultRule} does to a CBS message it picks. */
public enum FaultAction {
    /** Answer normally, {@link FaultRule#delayMillis()} late. */
    DELAY,
    /** Never answer; the connection stays open (answering nothing more) until the client closes it. */
    NO_ANSWER,
    /** Close the connection after reading the request. */
    DROP,
    /** Answer {@link FaultRule#responseCode()} without any ledger effect (nothing is recorded). */
    RESPOND
}
