package org.openscis.connector.sim.bank;

/** What an account in the simulated bank is for; only FUNDING (and CLEARING) accounts may go negative by default. */
public enum AccountKind {
    /** A cardholder's account: debited by payments, never below zero (code 51). */
    CUSTOMER,
    /** A merchant, biller or cash-out agent, keyed by its {@code mid}. */
    MERCHANT,
    /** Collects the issuer's fees ({@code feeAmt}), one per currency. */
    FEE,
    /** The source of opening balances, one per currency; goes negative so that all balances sum to zero. */
    FUNDING,
    /** An internal settlement account; may go negative. */
    CLEARING;

    /** Whether accounts of this kind may go negative unless the seed says otherwise. */
    boolean negativeByDefault() {
        return this == FUNDING || this == CLEARING;
    }
}
