package org.openscis.connector.sim.bank;

import org.openscis.codec.mask.Masking;

/** An account row as read inside a transaction. */
record AccountRow(String accountNo, AccountKind kind, String currency, long balanceMinor, String firstName,
        String lastName, String tier, String status, boolean mayGoNegative, String countryCode) {

    static final String ACTIVE = "ACTIVE";

    boolean active() {
        return ACTIVE.equals(status);
    }

    @Override
    public String toString() {
        return "AccountRow[" + Masking.pan(accountNo) + " " + kind + " " + currency + "]";
    }
}
