package org.openscis.connector.sim.bank;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sequence;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Sequence;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Table and column names of the simulator's migrations for jOOQ (no code generation). Times are epoch millis. */
final class Schema {

    private Schema() {}

    static final Sequence<Long> ACCOUNT_NUMBERS = sequence(name("account_numbers"), SQLDataType.BIGINT);

    static final class Accounts {
        static final Table<Record> TABLE = table(name("accounts"));
        static final Field<String> ACCOUNT_NO = field(name("account_no"), SQLDataType.VARCHAR);
        static final Field<String> KIND = field(name("kind"), SQLDataType.VARCHAR);
        static final Field<String> CURRENCY = field(name("currency"), SQLDataType.VARCHAR);
        static final Field<Long> BALANCE = field(name("balance_minor"), SQLDataType.BIGINT);
        static final Field<String> FIRST_NAME = field(name("first_name"), SQLDataType.VARCHAR);
        static final Field<String> LAST_NAME = field(name("last_name"), SQLDataType.VARCHAR);
        static final Field<String> TIER = field(name("tier"), SQLDataType.VARCHAR);
        static final Field<String> STATUS = field(name("status"), SQLDataType.VARCHAR);
        static final Field<Boolean> MAY_GO_NEGATIVE = field(name("may_go_negative"), SQLDataType.BOOLEAN);
        static final Field<String> COUNTRY_CODE = field(name("country_code"), SQLDataType.VARCHAR);
        static final Field<String> PRODUCT = field(name("product"), SQLDataType.VARCHAR);
        static final Field<String> REFER_NO = field(name("refer_no"), SQLDataType.VARCHAR);
        static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);

        static final Field<?>[] ALL = {ACCOUNT_NO, KIND, CURRENCY, BALANCE, FIRST_NAME, LAST_NAME, TIER, STATUS,
            MAY_GO_NEGATIVE, COUNTRY_CODE};

        private Accounts() {}
    }

    static final class Movements {
        static final Table<Record> TABLE = table(name("movements"));
        static final Field<String> MSG_ID = field(name("msg_id"), SQLDataType.VARCHAR);
        static final Field<String> MSG_TYPE = field(name("msg_type"), SQLDataType.VARCHAR);
        static final Field<String> STATE = field(name("state"), SQLDataType.VARCHAR);
        static final Field<String> RESPONSE_CODE = field(name("response_code"), SQLDataType.VARCHAR);
        static final Field<String> RESPONSE_MSG = field(name("response_msg"), SQLDataType.VARCHAR);
        static final Field<String> RESPONSE_TRX = field(name("response_trx"), SQLDataType.VARCHAR);
        static final Field<Long> AMOUNT = field(name("amount_minor"), SQLDataType.BIGINT);
        static final Field<String> CURRENCY = field(name("currency"), SQLDataType.VARCHAR);
        static final Field<String> ORIG_MSG_ID = field(name("orig_msg_id"), SQLDataType.VARCHAR);
        static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
        static final Field<Long> UPDATED_AT = field(name("updated_at"), SQLDataType.BIGINT);

        static final Field<?>[] ALL = {MSG_ID, MSG_TYPE, STATE, RESPONSE_CODE, RESPONSE_MSG, RESPONSE_TRX, AMOUNT,
            CURRENCY, ORIG_MSG_ID};

        private Movements() {}
    }

    static final class Postings {
        static final Table<Record> TABLE = table(name("postings"));
        static final Field<Long> POSTING_ID = field(name("posting_id"), SQLDataType.BIGINT);
        static final Field<String> MOVEMENT_ID = field(name("movement_id"), SQLDataType.VARCHAR);
        static final Field<String> ACCOUNT_NO = field(name("account_no"), SQLDataType.VARCHAR);
        static final Field<Long> AMOUNT = field(name("amount_minor"), SQLDataType.BIGINT);

        private Postings() {}
    }

    static final class Holds {
        static final Table<Record> TABLE = table(name("holds"));
        static final Field<String> TRX_TOKEN = field(name("trx_token"), SQLDataType.VARCHAR);
        static final Field<String> MOVEMENT_ID = field(name("movement_id"), SQLDataType.VARCHAR);
        static final Field<String> ACCOUNT_NO = field(name("account_no"), SQLDataType.VARCHAR);
        static final Field<Long> AMOUNT = field(name("amount_minor"), SQLDataType.BIGINT);
        static final Field<String> CURRENCY = field(name("currency"), SQLDataType.VARCHAR);
        static final Field<Long> EXPIRES_AT = field(name("expires_at"), SQLDataType.BIGINT);
        static final Field<String> STATE = field(name("state"), SQLDataType.VARCHAR);
        static final Field<Long> UPDATED_AT = field(name("updated_at"), SQLDataType.BIGINT);

        static final Field<?>[] ALL = {TRX_TOKEN, MOVEMENT_ID, ACCOUNT_NO, AMOUNT, CURRENCY, EXPIRES_AT, STATE};

        private Holds() {}
    }

    static final class Kyc {
        static final Table<Record> TABLE = table(name("kyc"));
        static final Field<String> REFER_NO = field(name("refer_no"), SQLDataType.VARCHAR);
        static final Field<String> MSG_ID = field(name("msg_id"), SQLDataType.VARCHAR);
        static final Field<String> DECISION = field(name("decision"), SQLDataType.VARCHAR);
        static final Field<String> INS_PRD = field(name("ins_prd"), SQLDataType.VARCHAR);
        static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);

        private Kyc() {}
    }
}
