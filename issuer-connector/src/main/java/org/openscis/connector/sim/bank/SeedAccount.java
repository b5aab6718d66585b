package org.openscis.connector.sim.bank;

import org.openscis.codec.mask.Masking;
import org.openscis.codec.money.Currency;

/** An account the seed creates, with its opening balance (posted from the currency's FUNDING account). */
record SeedAccount(String accountNo, AccountKind kind, Currency currency, long balanceMinor, String firstName,
        String lastName, String tier, String status, boolean mayGoNegative, String countryCode) {

    @Override
    public String toString() {
        return "SeedAccount[" + Masking.pan(accountNo) + " " + kind + "]";
    }
}
