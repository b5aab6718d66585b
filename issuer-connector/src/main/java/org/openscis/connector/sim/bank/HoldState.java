package org.openscis.connector.sim.bank;

/** A cash-out hold: HELD until withdrawn at an agent, or released by a reversal or by expiry. */
enum HoldState {
    HELD,
    WITHDRAWN,
    RELEASED
}
