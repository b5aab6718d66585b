package org.openscis.connector.sim.bank;

import org.openscis.codec.mask.Masking;

/** A cash-out hold as read inside a transaction. */
record HoldRow(String trxToken, String movementId, String accountNo, long amountMinor, String currency,
        long expiresAtMillis, HoldState state) {

    /** Whether the hold still reduces the available balance at {@code nowMillis}. */
    boolean activeAt(long nowMillis) {
        return state == HoldState.HELD && expiresAtMillis > nowMillis;
    }

    @Override
    public String toString() {
        return "HoldRow[" + Masking.pan(trxToken) + " " + state + "]";
    }
}
