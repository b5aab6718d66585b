package org.openscis.server.storage;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.openscis.router.port.AccountTiers;

/**
 * {@link AccountTiers} on the {@code account_tiers} table, shared by every node. {@link #setTier} is a portable upsert
 * (H2 and PostgreSQL spell MERGE/ON CONFLICT differently): update, else insert, and if another node inserted the row
 * in between, update again. The last write wins.
 */
public final class JdbcAccountTiers implements AccountTiers {

    private final DSLContext dsl;

    public JdbcAccountTiers(Database db) {
        this.dsl = db.dsl();
    }

    @Override
    public Optional<String> tier(String cardId) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).select(Tables.AccountTiers.TIER)
                .from(Tables.AccountTiers.TABLE)
                .where(Tables.AccountTiers.CARD_ID.eq(cardId))
                .fetchOptional(Tables.AccountTiers.TIER));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if the row was deleted between a failed insert and the update that follows it
     *     (nothing in the switch deletes tiers)
     */
    @Override
    public void setTier(String cardId, String tier, Instant now) {
        if (update(cardId, tier, now) || tryInsert(cardId, tier, now) || update(cardId, tier, now)) {
            return;
        }
        throw new IllegalStateException("account tier of card " + cardId + " kept changing under the upsert");
    }

    private boolean update(String cardId, String tier, Instant now) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).update(Tables.AccountTiers.TABLE)
                .set(Tables.AccountTiers.TIER, tier)
                .set(Tables.AccountTiers.UPDATED_AT, now.toEpochMilli())
                .where(Tables.AccountTiers.CARD_ID.eq(cardId))
                .execute()) == 1;
    }

    /** False if another node inserted the card's row first. */
    private boolean tryInsert(String cardId, String tier, Instant now) {
        try {
            dsl.transaction(cfg -> DSL.using(cfg).insertInto(Tables.AccountTiers.TABLE)
                    .set(Tables.AccountTiers.CARD_ID, cardId)
                    .set(Tables.AccountTiers.TIER, tier)
                    .set(Tables.AccountTiers.UPDATED_AT, now.toEpochMilli())
                    .execute());
            return true;
        } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "JdbcAccountTiers";
    }
}
