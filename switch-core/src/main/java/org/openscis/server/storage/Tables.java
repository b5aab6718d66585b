package org.openscis.server.storage;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Table and column names of the db/migration scripts for jOOQ (no code generation). Times are epoch milliseconds. */
final class Tables {

    private Tables() {}

    static final class Cards {
        static final Table<Record> TABLE = table(name("cards"));
        static final Field<String> CARD_ID = field(name("card_id"), SQLDataType.VARCHAR);
        static final Field<String> PAN_HASH = field(name("pan_hash"), SQLDataType.VARCHAR);
        static final Field<byte[]> PAN_ENC = field(name("pan_enc"), SQLDataType.VARBINARY);
        static final Field<byte[]> EXPIRY_ENC = field(name("expiry_enc"), SQLDataType.VARBINARY);
        static final Field<String> ISSUER_IIN = field(name("issuer_iin"), SQLDataType.VARCHAR);
        static final Field<String> PRODUCT_ID = field(name("product_id"), SQLDataType.VARCHAR);
        static final Field<String> ACCOUNT_HASH = field(name("account_hash"), SQLDataType.VARCHAR);
        static final Field<byte[]> ACCOUNT_ENC = field(name("account_enc"), SQLDataType.VARBINARY);
        static final Field<String> CARD_TYPE = field(name("card_type"), SQLDataType.VARCHAR);
        static final Field<String> CARD_FACE_ID = field(name("card_face_id"), SQLDataType.VARCHAR);
        static final Field<String> STATE = field(name("state"), SQLDataType.VARCHAR);
        static final Field<String> REASON = field(name("reason"), SQLDataType.VARCHAR);
        static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
        /** {@code account_hash} while the card is not DELETED, else NULL; unique with issuer and product (V2). */
        static final Field<String> LIVE_ACCOUNT_HASH = field(name("live_account_hash"), SQLDataType.VARCHAR);
        /** First instant after the expiry month (0: unreadable expiry; NULL: stored before V6, not filled yet). */
        static final Field<Long> EXPIRES_AT = field(name("expires_at"), SQLDataType.BIGINT);

        /** Every column of the record, for explicit select lists (rows are then read by field, not by name). */
        static final Field<?>[] ALL = {CARD_ID, PAN_HASH, PAN_ENC, EXPIRY_ENC, ISSUER_IIN, PRODUCT_ID, ACCOUNT_HASH,
            ACCOUNT_ENC, CARD_TYPE, CARD_FACE_ID, STATE, REASON, CREATED_AT};

        private Cards() {}
    }

    static final class Tokens {
        static final Table<Record> TABLE = table(name("tokens"));
        static final Field<String> TOKEN = field(name("token"), SQLDataType.VARCHAR);
        static final Field<String> CARD_ID = field(name("card_id"), SQLDataType.VARCHAR);
        static final Field<String> INS_ID = field(name("ins_id"), SQLDataType.VARCHAR);
        static final Field<String> DEVICE_ID = field(name("device_id"), SQLDataType.VARCHAR);
        static final Field<String> USER_ID = field(name("user_id"), SQLDataType.VARCHAR);
        static final Field<String> TOKEN_EXPIRY = field(name("token_expiry"), SQLDataType.VARCHAR);
        static final Field<String> STATE = field(name("state"), SQLDataType.VARCHAR);
        static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
        static final Field<Long> UPDATED_AT = field(name("updated_at"), SQLDataType.BIGINT);
        /** {@code device_id} while the token is not DELETED, else NULL; unique with the card id (V2). */
        static final Field<String> LIVE_DEVICE_ID = field(name("live_device_id"), SQLDataType.VARCHAR);

        /** Every column of the record, for explicit select lists (rows are then read by field, not by name). */
        static final Field<?>[] ALL = {TOKEN, CARD_ID, INS_ID, DEVICE_ID, USER_ID, TOKEN_EXPIRY, STATE, CREATED_AT,
            UPDATED_AT};

        private Tokens() {}
    }

    static final class Idempotency {
        static final Table<Record> TABLE = table(name("idempotency"));
        static final Field<String> INS_ID = field(name("ins_id"), SQLDataType.VARCHAR);
        static final Field<String> MSG_ID = field(name("msg_id"), SQLDataType.VARCHAR);
        static final Field<String> MSG_TYPE = field(name("msg_type"), SQLDataType.VARCHAR);
        static final Field<String> FINGERPRINT = field(name("fingerprint"), SQLDataType.VARCHAR);
        static final Field<String> STATUS = field(name("status"), SQLDataType.VARCHAR);
        static final Field<String> RESPONSE_CODE = field(name("response_code"), SQLDataType.VARCHAR);
        static final Field<byte[]> RESPONSE_ENC = field(name("response_enc"), SQLDataType.VARBINARY);
        static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
        static final Field<Long> COMPLETED_AT = field(name("completed_at"), SQLDataType.BIGINT);

        /** Every column, for explicit select lists (rows are then read by field, not by returned name). */
        static final Field<?>[] ALL = {INS_ID, MSG_ID, MSG_TYPE, FINGERPRINT, STATUS, RESPONSE_CODE, RESPONSE_ENC,
            CREATED_AT, COMPLETED_AT};

        private Idempotency() {}
    }

    static final class ReplayUuids {
        static final Table<Record> TABLE = table(name("replay_uuids"));
        static final Field<String> INS_ID = field(name("ins_id"), SQLDataType.VARCHAR);
        static final Field<String> UUID = field(name("uuid"), SQLDataType.VARCHAR);
        static final Field<Long> EXPIRES_AT = field(name("expires_at"), SQLDataType.BIGINT);

        private ReplayUuids() {}
    }

    static final class CardVerificationFailures {
        static final Table<Record> TABLE = table(name("card_verification_failures"));
        static final Field<String> CARD_ID = field(name("card_id"), SQLDataType.VARCHAR);
        static final Field<Integer> FAILURES = field(name("failures"), SQLDataType.INTEGER);
        static final Field<Long> WINDOW_START = field(name("window_start"), SQLDataType.BIGINT);

        private CardVerificationFailures() {}
    }

    static final class Sequences {
        static final Table<Record> TABLE = table(name("sequences"));
        static final Field<String> NAME = field(name("name"), SQLDataType.VARCHAR);
        static final Field<Long> NEXT_VALUE = field(name("next_value"), SQLDataType.BIGINT);

        private Sequences() {}
    }

    static final class ParticipantKeys {
        static final Table<Record> TABLE = table(name("participant_keys"));
        static final Field<String> INS_ID = field(name("ins_id"), SQLDataType.VARCHAR);
        static final Field<String> KID = field(name("kid"), SQLDataType.VARCHAR);
        static final Field<String> KEY_USE = field(name("key_use"), SQLDataType.VARCHAR);
        static final Field<byte[]> SPKI = field(name("spki"), SQLDataType.VARBINARY);
        static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);

        /** Every column, for explicit select lists (rows are then read by field, not by returned name). */
        static final Field<?>[] ALL = {INS_ID, KID, KEY_USE, SPKI, CREATED_AT};

        private ParticipantKeys() {}
    }

    static final class MoneyTransactions {
        static final Table<Record> TABLE = table(name("money_transactions"));
        static final Field<String> TRX_ID = field(name("trx_id"), SQLDataType.VARCHAR);
        static final Field<String> INS_ID = field(name("ins_id"), SQLDataType.VARCHAR);
        static final Field<String> MSG_ID = field(name("msg_id"), SQLDataType.VARCHAR);
        static final Field<String> MSG_TYPE = field(name("msg_type"), SQLDataType.VARCHAR);
        static final Field<String> MSG_VERSION = field(name("msg_version"), SQLDataType.VARCHAR);
        static final Field<String> MSG_TIME_STAMP = field(name("msg_time_stamp"), SQLDataType.VARCHAR);
        static final Field<String> ISSUER_IIN = field(name("issuer_iin"), SQLDataType.VARCHAR);
        static final Field<String> CARD_ID = field(name("card_id"), SQLDataType.VARCHAR);
        static final Field<String> TOKEN = field(name("token"), SQLDataType.VARCHAR);
        static final Field<String> DEVICE_ID = field(name("device_id"), SQLDataType.VARCHAR);
        static final Field<String> OPERATION = field(name("operation"), SQLDataType.VARCHAR);
        static final Field<Long> AMOUNT_MINOR = field(name("amount_minor"), SQLDataType.BIGINT);
        static final Field<String> CURRENCY = field(name("currency"), SQLDataType.VARCHAR);
        static final Field<byte[]> CBS_REQUEST_ENC = field(name("cbs_request_enc"), SQLDataType.VARBINARY);
        static final Field<byte[]> APPROVED_REPLY_ENC = field(name("approved_reply_enc"), SQLDataType.VARBINARY);
        static final Field<String> STATE = field(name("state"), SQLDataType.VARCHAR);
        static final Field<String> RESPONSE_CODE = field(name("response_code"), SQLDataType.VARCHAR);
        static final Field<Boolean> NOTIFY_ON_FINAL = field(name("notify_on_final"), SQLDataType.BOOLEAN);
        static final Field<Integer> ATTEMPTS = field(name("attempts"), SQLDataType.INTEGER);
        static final Field<Long> NEXT_ATTEMPT_AT = field(name("next_attempt_at"), SQLDataType.BIGINT);
        static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
        static final Field<Long> UPDATED_AT = field(name("updated_at"), SQLDataType.BIGINT);
        /** V11: the CBS msgID of the movement this one refers to (a refund's payment); not part of the record. */
        static final Field<String> ORIG_TRX_ID = field(name("orig_trx_id"), SQLDataType.VARCHAR);

        /** Every column, for explicit select lists (rows are then read by field, not by returned name). */
        static final Field<?>[] ALL = {TRX_ID, INS_ID, MSG_ID, MSG_TYPE, MSG_VERSION, MSG_TIME_STAMP, ISSUER_IIN,
            CARD_ID, TOKEN, DEVICE_ID, OPERATION, AMOUNT_MINOR, CURRENCY, CBS_REQUEST_ENC, APPROVED_REPLY_ENC, STATE,
            RESPONSE_CODE, NOTIFY_ON_FINAL, ATTEMPTS, NEXT_ATTEMPT_AT, CREATED_AT, UPDATED_AT};

        private MoneyTransactions() {}
    }

    static final class KycRecords {
        static final Table<Record> TABLE = table(name("kyc_records"));
        static final Field<String> REFER_NO = field(name("refer_no"), SQLDataType.VARCHAR);
        static final Field<String> INS_ID = field(name("ins_id"), SQLDataType.VARCHAR);
        static final Field<String> KYC_MSG_ID = field(name("kyc_msg_id"), SQLDataType.VARCHAR);
        static final Field<String> ISSUER_IIN = field(name("issuer_iin"), SQLDataType.VARCHAR);
        static final Field<String> PRD_NO = field(name("prd_no"), SQLDataType.VARCHAR);
        static final Field<String> DEVICE_ID = field(name("device_id"), SQLDataType.VARCHAR);
        static final Field<String> USER_ID = field(name("user_id"), SQLDataType.VARCHAR);
        static final Field<byte[]> CVM_INFO_ENC = field(name("cvm_info_enc"), SQLDataType.VARBINARY);
        static final Field<String> STATE = field(name("state"), SQLDataType.VARCHAR);
        static final Field<String> OPENING_CBS_MSG_ID = field(name("opening_cbs_msg_id"), SQLDataType.VARCHAR);
        static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
        static final Field<Long> CONSUMED_AT = field(name("consumed_at"), SQLDataType.BIGINT);

        /** Every column, for explicit select lists (rows are then read by field, not by returned name). */
        static final Field<?>[] ALL = {REFER_NO, INS_ID, KYC_MSG_ID, ISSUER_IIN, PRD_NO, DEVICE_ID, USER_ID,
            CVM_INFO_ENC, STATE, OPENING_CBS_MSG_ID, CREATED_AT, CONSUMED_AT};

        private KycRecords() {}
    }

    static final class AccountTiers {
        static final Table<Record> TABLE = table(name("account_tiers"));
        static final Field<String> CARD_ID = field(name("card_id"), SQLDataType.VARCHAR);
        static final Field<String> TIER = field(name("tier"), SQLDataType.VARCHAR);
        static final Field<Long> UPDATED_AT = field(name("updated_at"), SQLDataType.BIGINT);

        private AccountTiers() {}
    }
}
