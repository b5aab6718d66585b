package org.openscis.connector.sim.bank;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep3;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Fills an empty database from the seed, in one transaction: the accounts, and for every opening balance a movement
 * {@code SEED-<accountNo>} whose two postings move it from the currency's FUNDING account. A database that already
 * has accounts (a file database reopened) is left as it is.
 */
final class Seeder {

    /** Movement type of opening balances; never a CBS message type. */
    static final String SEED_TYPE = "SEED";
    /** Rows per multi-row INSERT; keeps statements small. */
    private static final int BATCH_ROWS = 500;

    private Seeder() {}

    /** Returns true if it seeded, false if the database already had accounts. */
    static boolean seedIfEmpty(DSLContext dsl, SeedData seed, long nowMillis) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (tx.fetchExists(Schema.Accounts.TABLE)) {
                return false;
            }
            Map<String, String> fundingByCurrency = new HashMap<>();
            Map<String, Long> fundingTotals = new HashMap<>();
            for (SeedAccount a : seed.accounts()) {
                if (a.kind() == AccountKind.FUNDING && a.mayGoNegative()) {
                    fundingByCurrency.putIfAbsent(a.currency().numeric(), a.accountNo());
                }
                if (a.balanceMinor() != 0) {
                    fundingTotals.merge(a.currency().numeric(), a.balanceMinor(), Math::addExact);
                }
            }
            insertAccounts(tx, seed.accounts(), fundingByCurrency, fundingTotals, nowMillis);
            insertOpeningBalances(tx, seed.accounts(), fundingByCurrency, nowMillis);
            return true;
        });
    }

    private static void insertAccounts(DSLContext tx, List<SeedAccount> accounts, Map<String, String> funding,
            Map<String, Long> fundingTotals, long nowMillis) {
        for (int from = 0; from < accounts.size(); from += BATCH_ROWS) {
            var insert = tx.insertInto(Schema.Accounts.TABLE, Schema.Accounts.ACCOUNT_NO, Schema.Accounts.KIND,
                    Schema.Accounts.CURRENCY, Schema.Accounts.BALANCE, Schema.Accounts.FIRST_NAME,
                    Schema.Accounts.LAST_NAME, Schema.Accounts.TIER, Schema.Accounts.STATUS,
                    Schema.Accounts.MAY_GO_NEGATIVE, Schema.Accounts.COUNTRY_CODE, Schema.Accounts.CREATED_AT);
            for (SeedAccount a : accounts.subList(from, Math.min(accounts.size(), from + BATCH_ROWS))) {
                String currency = a.currency().numeric();
                long balance = a.accountNo().equals(funding.get(currency))
                        ? Math.negateExact(fundingTotals.getOrDefault(currency, 0L)) : a.balanceMinor();
                insert = insert.values(a.accountNo(), a.kind().name(), currency, balance, a.firstName(),
                        a.lastName(), a.tier(), a.status(), a.mayGoNegative(), a.countryCode(), nowMillis);
            }
            insert.execute();
        }
    }

    private static void insertOpeningBalances(DSLContext tx, List<SeedAccount> accounts, Map<String, String> funding,
            long nowMillis) {
        List<SeedAccount> funded = accounts.stream().filter(a -> a.balanceMinor() != 0).toList();
        for (int from = 0; from < funded.size(); from += BATCH_ROWS) {
            List<SeedAccount> batch = funded.subList(from, Math.min(funded.size(), from + BATCH_ROWS));
            var movements = tx.insertInto(Schema.Movements.TABLE, Schema.Movements.MSG_ID, Schema.Movements.MSG_TYPE,
                    Schema.Movements.STATE, Schema.Movements.RESPONSE_CODE, Schema.Movements.RESPONSE_MSG,
                    Schema.Movements.AMOUNT, Schema.Movements.CURRENCY, Schema.Movements.CREATED_AT,
                    Schema.Movements.UPDATED_AT);
            InsertValuesStep3<Record, String, String, Long> postings = tx.insertInto(Schema.Postings.TABLE,
                    Schema.Postings.MOVEMENT_ID, Schema.Postings.ACCOUNT_NO, Schema.Postings.AMOUNT);
            for (SeedAccount a : batch) {
                String id = movementId(a.accountNo());
                String currency = a.currency().numeric();
                movements = movements.values(id, SEED_TYPE, MovementState.APPROVED.name(), "00", "Opening balance",
                        a.balanceMinor(), currency, nowMillis, nowMillis);
                postings = postings.values(id, funding.get(currency), Math.negateExact(a.balanceMinor()))
                        .values(id, a.accountNo(), a.balanceMinor());
            }
            movements.execute();
            postings.execute();
        }
    }

    static String movementId(String accountNo) {
        return "SEED-" + accountNo;
    }
}
