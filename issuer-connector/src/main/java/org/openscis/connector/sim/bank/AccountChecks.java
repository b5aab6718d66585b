package org.openscis.connector.sim.bank;

import org.openscis.codec.ResponseCode;
import org.openscis.codec.money.Currency;

/** The checks every party of a movement passes: known with the right kind, in the movement's currency, active. */
final class AccountChecks {

    private AccountChecks() {}

    /**
     * Null if {@code account} may take part, else the refusal: {@code unknown} when it does not exist or is of another
     * kind, 13 when its currency differs, 21 when it is not ACTIVE.
     */
    static Result problem(AccountRow account, AccountKind kind, ResponseCode unknown, String role, Currency currency) {
        if (account == null || account.kind() != kind) {
            return Result.declined(unknown, "unknown " + role);
        }
        if (!account.currency().equals(currency.numeric())) {
            return Result.declined(ResponseCode.INVALID_AMOUNT, "currency is not the " + role + "'s");
        }
        if (!account.active()) {
            return Result.declined(ResponseCode.CARD_STATUS_ERROR, role + " is not active");
        }
        return null;
    }
}
