package org.openscis.server.storage;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.openscis.router.port.Notification;

/**
 * The {@code cash_out_withdrawals} table (V6): cash handed out against a cash-out token, one row per GET_CASH_OUT_TOKEN
 * movement, written together with the wallet's notification. The primary key (the movement's trxId) makes a repeated
 * report of the same withdrawal write nothing, on any node, so the notification is enqueued exactly once.
 */
public final class JdbcCashOutWithdrawals {

    static final Table<Record> TABLE = table(name("cash_out_withdrawals"));
    static final Field<String> TRX_ID = field(name("trx_id"), SQLDataType.VARCHAR);
    static final Field<String> ISSUER_IIN = field(name("issuer_iin"), SQLDataType.VARCHAR);
    static final Field<String> AGENT_MID = field(name("agent_mid"), SQLDataType.VARCHAR);
    static final Field<Long> AMOUNT_MINOR = field(name("amount_minor"), SQLDataType.BIGINT);
    static final Field<String> CURRENCY = field(name("currency"), SQLDataType.VARCHAR);
    static final Field<Long> WITHDRAWN_AT = field(name("withdrawn_at"), SQLDataType.BIGINT);
    static final Field<Long> RECORDED_AT = field(name("recorded_at"), SQLDataType.BIGINT);

    /**
     * One withdrawal.
     *
     * @param trxId       the switch's CBS msgID of the GET_CASH_OUT_TOKEN movement that placed the hold
     * @param agentMid    where the cash was handed out
     * @param amountMinor minor units of {@code currency} (ISO 4217 numeric)
     */
    public record Entry(String trxId, String issuerIin, String agentMid, long amountMinor, String currency,
            Instant withdrawnAt) {

        public Entry {
            Objects.requireNonNull(trxId, "trxId");
            Objects.requireNonNull(issuerIin, "issuerIin");
            Objects.requireNonNull(agentMid, "agentMid");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(withdrawnAt, "withdrawnAt");
        }
    }

    private final DSLContext dsl;
    private final OutboxWriter outbox;

    public JdbcCashOutWithdrawals(Database db, OutboxWriter outbox) {
        this.dsl = db.dsl();
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /**
     * Stores {@code withdrawal} and enqueues {@code notification} in one database transaction. False, with nothing
     * written, if this movement's withdrawal was recorded before (by this node or another).
     */
    public boolean record(Entry withdrawal, Notification notification, Instant now) {
        try {
            dsl.transaction(cfg -> {
                DSLContext tx = DSL.using(cfg);
                // The key first: a duplicate fails here, before any outbox row exists.
                tx.insertInto(TABLE)
                        .set(TRX_ID, withdrawal.trxId())
                        .set(ISSUER_IIN, withdrawal.issuerIin())
                        .set(AGENT_MID, withdrawal.agentMid())
                        .set(AMOUNT_MINOR, withdrawal.amountMinor())
                        .set(CURRENCY, withdrawal.currency())
                        .set(WITHDRAWN_AT, withdrawal.withdrawnAt().toEpochMilli())
                        .set(RECORDED_AT, now.toEpochMilli())
                        .execute();
                outbox.insert(tx, List.of(notification), now);
            });
            return true;
        } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Whether the withdrawal of movement {@code trxId} is recorded. */
    public boolean recorded(String trxId) {
        return dsl.fetchExists(TABLE, TRX_ID.eq(trxId));
    }

    @Override
    public String toString() {
        return "JdbcCashOutWithdrawals";
    }
}
