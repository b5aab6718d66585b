package org.openscis.connector.sim.bank;

import org.openscis.codec.mask.Masking;

/** One account as the ledger sees it now: balance (LEDGER) and balance minus active holds (AVAILABLE). */
public record AccountView(String accountNo, AccountKind kind, String currency, long balanceMinor,
        long availableMinor, String firstName, String lastName, String tier, String status) {

    @Override
    public String toString() {
        return "AccountView[" + Masking.pan(accountNo) + " " + kind + " " + currency + " balance=" + balanceMinor
                + " available=" + availableMinor + " " + status + "]";
    }
}
