package org.openscis.connector.sim.bank;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Reads and locks account rows. */
final class Accounts {

    private Accounts() {}

    /**
     * Locks the existing accounts among {@code accountNos} for the rest of the transaction, always in account-number
     * order so that two movements over the same accounts cannot deadlock. Unknown numbers are simply absent.
     */
    static Map<String, AccountRow> lock(DSLContext tx, Collection<String> accountNos) {
        Map<String, AccountRow> rows = new LinkedHashMap<>();
        for (String accountNo : new TreeSet<>(accountNos)) {
            tx.select(Schema.Accounts.ALL).from(Schema.Accounts.TABLE)
                    .where(Schema.Accounts.ACCOUNT_NO.eq(accountNo))
                    .forUpdate()
                    .fetchOptional()
                    .map(Accounts::toRow)
                    .ifPresent(row -> rows.put(row.accountNo(), row));
        }
        return rows;
    }

    static Optional<AccountRow> find(DSLContext tx, String accountNo) {
        return tx.select(Schema.Accounts.ALL).from(Schema.Accounts.TABLE)
                .where(Schema.Accounts.ACCOUNT_NO.eq(accountNo))
                .fetchOptional()
                .map(Accounts::toRow);
    }

    /** The lowest-numbered account of an internal kind in a currency (the seed makes one FUNDING and one FEE each). */
    static Optional<String> internal(DSLContext tx, AccountKind kind, String currency) {
        return tx.select(Schema.Accounts.ACCOUNT_NO).from(Schema.Accounts.TABLE)
                .where(Schema.Accounts.KIND.eq(kind.name()).and(Schema.Accounts.CURRENCY.eq(currency)))
                .orderBy(Schema.Accounts.ACCOUNT_NO)
                .limit(1)
                .fetchOptional(Schema.Accounts.ACCOUNT_NO);
    }

    static AccountRow toRow(Record r) {
        return new AccountRow(r.get(Schema.Accounts.ACCOUNT_NO), AccountKind.valueOf(r.get(Schema.Accounts.KIND)),
                r.get(Schema.Accounts.CURRENCY), r.get(Schema.Accounts.BALANCE), r.get(Schema.Accounts.FIRST_NAME),
                r.get(Schema.Accounts.LAST_NAME), r.get(Schema.Accounts.TIER), r.get(Schema.Accounts.STATUS),
                Boolean.TRUE.equals(r.get(Schema.Accounts.MAY_GO_NEGATIVE)), r.get(Schema.Accounts.COUNTRY_CODE));
    }
}
