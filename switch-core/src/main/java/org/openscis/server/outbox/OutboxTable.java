package org.openscis.server.outbox;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** The {@code outbox} table of V5__outbox.sql for jOOQ (no code generation). Times are epoch milliseconds. */
final class OutboxTable {

    static final Table<Record> TABLE = table(name("outbox"));
    static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
    static final Field<String> MSG_ID = field(name("msg_id"), SQLDataType.VARCHAR);
    static final Field<String> RECIPIENT = field(name("recipient_ins_id"), SQLDataType.VARCHAR);
    static final Field<String> MSG_TYPE = field(name("msg_type"), SQLDataType.VARCHAR);
    static final Field<String> ORDER_KEY = field(name("order_key"), SQLDataType.VARCHAR);
    static final Field<byte[]> PAYLOAD_ENC = field(name("payload_enc"), SQLDataType.VARBINARY);
    static final Field<String> STATE = field(name("state"), SQLDataType.VARCHAR);
    static final Field<Integer> ATTEMPTS = field(name("attempts"), SQLDataType.INTEGER);
    static final Field<Long> NEXT_ATTEMPT_AT = field(name("next_attempt_at"), SQLDataType.BIGINT);
    static final Field<Long> LEASE_UNTIL = field(name("lease_until"), SQLDataType.BIGINT);
    static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
    static final Field<Long> PENDING_SINCE = field(name("pending_since"), SQLDataType.BIGINT);
    static final Field<Long> DELIVERED_AT = field(name("delivered_at"), SQLDataType.BIGINT);
    static final Field<String> LAST_ERROR = field(name("last_error"), SQLDataType.VARCHAR);
    static final Field<String> RESPONSE_CODE = field(name("response_code"), SQLDataType.VARCHAR);

    /** Longest {@code last_error} the column holds. */
    static final int LAST_ERROR_CHARS = 200;
    /** Longest {@code order_key}, {@code msg_type}; {@code recipient_ins_id} holds 32 but an insID is at most 16. */
    static final int KEY_CHARS = 64;
    /** {@code lease_until} of a row nobody holds. */
    static final long NOT_LEASED = 0L;

    private OutboxTable() {}

    /** {@code outbox} under an alias, and its columns qualified by it, for self-joins. */
    static Table<Record> as(String alias) {
        return TABLE.as(alias);
    }

    static <T> Field<T> qualified(String alias, Field<T> column) {
        return field(name(alias, column.getName()), column.getDataType());
    }
}
