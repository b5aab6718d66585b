package org.openscis.connector.sim.bank;

import org.jooq.DSLContext;
import org.openscis.codec.money.Amount;

/** Balance rules shared by every movement. */
final class Funds {

    private Funds() {}

    /** The balance minus the account's active holds (AVAILABLE); the ledger balance is LEDGER. */
    static long available(DSLContext tx, AccountRow account, long nowMillis) {
        return account.balanceMinor() - Holds.activeTotal(tx, account.accountNo(), nowMillis);
    }

    /** Whether {@code account} (locked) can give {@code amountMinor} without going below zero, holds counted. */
    static boolean canPay(DSLContext tx, AccountRow account, long amountMinor, long nowMillis) {
        return account.mayGoNegative() || available(tx, account, nowMillis) >= amountMinor;
    }

    /**
     * The FEE account that receives {@code fee}, or null when the fee is zero or the currency has none (the seed gives
     * every currency its accounts use one, so the parties' currency check refuses such a message anyway).
     */
    static String feeAccount(DSLContext tx, Amount fee) {
        if (fee.minor() == 0) {
            return null;
        }
        return Accounts.internal(tx, AccountKind.FEE, fee.currency().numeric()).orElse(null);
    }
}
