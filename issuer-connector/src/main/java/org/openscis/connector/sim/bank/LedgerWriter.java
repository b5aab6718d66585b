package org.openscis.connector.sim.bank;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep3;
import org.jooq.Record;

/**
 * Posts a movement: the legs become postings (never changed afterwards) and the balances change by the same amounts,
 * in the caller's transaction. Legs must sum to zero; that is the double-entry rule and a processor breaking it is a
 * bug, so it throws. Balance limits are the caller's to check beforehand (the database refuses an overdraft too).
 */
final class LedgerWriter {

    private LedgerWriter() {}

    static void post(DSLContext tx, String movementId, List<Leg> legs) {
        List<Leg> nonZero = new ArrayList<>();
        long sum = 0;
        for (Leg leg : legs) {
            sum = Math.addExact(sum, leg.amountMinor());
            if (leg.amountMinor() != 0) {
                nonZero.add(leg);
            }
        }
        if (sum != 0) {
            throw new IllegalStateException("unbalanced movement: legs sum to " + sum);
        }
        if (nonZero.isEmpty()) {
            return;
        }
        for (Leg leg : nonZero) {
            int updated = tx.update(Schema.Accounts.TABLE)
                    .set(Schema.Accounts.BALANCE, Schema.Accounts.BALANCE.plus(leg.amountMinor()))
                    .where(Schema.Accounts.ACCOUNT_NO.eq(leg.accountNo()))
                    .execute();
            if (updated != 1) {
                throw new IllegalStateException("posting to an account that does not exist");
            }
        }
        InsertValuesStep3<Record, String, String, Long> insert = tx.insertInto(Schema.Postings.TABLE,
                Schema.Postings.MOVEMENT_ID, Schema.Postings.ACCOUNT_NO, Schema.Postings.AMOUNT);
        for (Leg leg : nonZero) {
            insert = insert.values(movementId, leg.accountNo(), leg.amountMinor());
        }
        insert.execute();
    }

    /** The postings of a movement, in the order they were written. */
    static List<Leg> legsOf(DSLContext tx, String movementId) {
        return tx.select(Schema.Postings.ACCOUNT_NO, Schema.Postings.AMOUNT).from(Schema.Postings.TABLE)
                .where(Schema.Postings.MOVEMENT_ID.eq(movementId))
                .orderBy(Schema.Postings.POSTING_ID)
                .fetch(r -> new Leg(r.value1(), r.value2()));
    }
}
