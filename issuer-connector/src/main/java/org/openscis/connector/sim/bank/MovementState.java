package org.openscis.connector.sim.bank;

/** The life of a recorded message. PENDING exists only inside the transaction that records it. */
enum MovementState {
    PENDING,
    APPROVED,
    DECLINED,
    /** Approved, then undone by a REVERSAL (opposite postings or a released hold). */
    REVERSED,
    /** A REVERSAL named this msgID before it arrived: if it ever arrives it is refused (12), never applied. */
    TOMBSTONE
}
