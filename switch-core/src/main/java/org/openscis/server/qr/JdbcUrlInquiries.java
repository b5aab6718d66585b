package org.openscis.server.qr;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.openscis.router.port.UrlInquiries;
import org.openscis.router.port.UrlInquiry;
import org.openscis.server.storage.Database;

/**
 * {@link UrlInquiries} on the {@code url_inquiries} table (V8), shared by every node. Recording an inquiry a second
 * time (a retry whose first answer was lost) keeps the first row.
 */
public final class JdbcUrlInquiries implements UrlInquiries {

    private static final Table<Record> TABLE = table(name("url_inquiries"));
    private static final Field<String> INS_ID = field(name("ins_id"), SQLDataType.VARCHAR);
    private static final Field<String> MSG_ID = field(name("msg_id"), SQLDataType.VARCHAR);
    private static final Field<String> URL = field(name("url"), SQLDataType.VARCHAR);
    private static final Field<String> ORDER_JSON = field(name("order_json"), SQLDataType.VARCHAR);
    private static final Field<String> DEVICE_ID = field(name("device_id"), SQLDataType.VARCHAR);
    private static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
    /** SQLSTATE of a unique violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DSLContext dsl;

    public JdbcUrlInquiries(Database db) {
        this.dsl = db.dsl();
    }

    @Override
    public void record(UrlInquiry inquiry) {
        try {
            dsl.transaction(cfg -> DSL.using(cfg).insertInto(TABLE)
                    .set(INS_ID, inquiry.insId())
                    .set(MSG_ID, inquiry.msgId())
                    .set(URL, inquiry.url())
                    .set(ORDER_JSON, OrderJson.write(inquiry.order()))
                    .set(DEVICE_ID, inquiry.deviceId())
                    .set(CREATED_AT, inquiry.at().toEpochMilli())
                    .execute());
        } catch (DataAccessException e) {
            if (!uniqueViolation(e)) {
                throw e;
            }
        }
    }

    @Override
    public Optional<UrlInquiry> find(String insId, String msgId) {
        return dsl.transactionResult(cfg -> DSL.using(cfg)
                .select(INS_ID, MSG_ID, URL, ORDER_JSON, DEVICE_ID, CREATED_AT)
                .from(TABLE)
                .where(INS_ID.eq(insId).and(MSG_ID.eq(msgId)))
                .fetchOptional(r -> new UrlInquiry(r.value1(), r.value2(), r.value3(), OrderJson.read(r.value4()),
                        r.value5(), Instant.ofEpochMilli(r.value6()))));
    }

    /** Deletes the inquiries answered before {@code cutoff}; returns how many. */
    public int purgeBefore(Instant cutoff) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).deleteFrom(TABLE)
                .where(CREATED_AT.lt(cutoff.toEpochMilli()))
                .execute());
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "JdbcUrlInquiries";
    }
}
