package org.openscis.connector.sim.bank;

/**
 * The ledger's invariants at one moment: every movement's postings sum to zero ({@code balanced}), all balances sum
 * to zero ({@code totalMinor}, per currency and so overall), each balance equals the sum of its account's postings
 * ({@code balancesMatchPostings}), and no account that may not go negative is below zero.
 */
public record LedgerCheck(boolean balanced, long totalMinor, boolean balancesMatchPostings, boolean noForbiddenNegative) {

    public boolean ok() {
        return balanced && totalMinor == 0 && balancesMatchPostings && noForbiddenNegative;
    }
}
