package org.openscis.connector.sim.bank;

/** One side of a movement: a signed amount in minor units on one account (negative = debit). */
record Leg(String accountNo, long amountMinor) {

    Leg negated() {
        return new Leg(accountNo, Math.negateExact(amountMinor));
    }
}
