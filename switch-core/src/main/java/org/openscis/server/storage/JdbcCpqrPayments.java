package org.openscis.server.storage;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.openscis.router.port.CpqrPayment;
import org.openscis.router.port.CpqrPayments;
import org.openscis.router.port.CpqrVerdict;
import org.openscis.server.crypto.DataCipher;

/**
 * The {@code cpqr_payments} table (V10): consumer-presented payments keyed by the acquirer's (insID, msgID). The
 * primary key makes {@link #create} single per request on any node; the verdict is an update guarded by {@code
 * verdict IS NULL}, so of two results (or a result and the timeout) on any nodes exactly one is recorded. The
 * scanned payload is encrypted (it carries the token).
 */
public final class JdbcCpqrPayments implements CpqrPayments {

    static final Table<Record> TABLE = table(name("cpqr_payments"));
    static final Field<String> INS_ID = field(name("ins_id"), SQLDataType.VARCHAR);
    static final Field<String> MSG_ID = field(name("msg_id"), SQLDataType.VARCHAR);
    static final Field<String> CODE_ID = field(name("code_id"), SQLDataType.VARCHAR);
    static final Field<String> APP_GATEWAY_INS_ID = field(name("app_gateway_ins_id"), SQLDataType.VARCHAR);
    static final Field<Boolean> BARCODE = field(name("barcode"), SQLDataType.BOOLEAN);
    static final Field<byte[]> PAYLOAD_ENC = field(name("payload_enc"), SQLDataType.VARBINARY);
    static final Field<Boolean> VERIFICATION_REQUIRED = field(name("verification_required"), SQLDataType.BOOLEAN);
    static final Field<String> VERDICT = field(name("verdict"), SQLDataType.VARCHAR);
    static final Field<String> PAYMENT_STATUS = field(name("payment_status"), SQLDataType.VARCHAR);
    static final Field<String> REJECTION_REASON = field(name("rejection_reason"), SQLDataType.VARCHAR);
    static final Field<String> RESULT_INS_ID = field(name("result_ins_id"), SQLDataType.VARCHAR);
    static final Field<String> RESULT_MSG_ID = field(name("result_msg_id"), SQLDataType.VARCHAR);
    static final Field<Long> DECIDED_AT = field(name("decided_at"), SQLDataType.BIGINT);
    static final Field<Long> CREATED_AT = field(name("created_at"), SQLDataType.BIGINT);
    private static final Field<?>[] ALL = {INS_ID, MSG_ID, CODE_ID, APP_GATEWAY_INS_ID, BARCODE, PAYLOAD_ENC,
        VERIFICATION_REQUIRED, VERDICT, PAYMENT_STATUS, REJECTION_REASON, RESULT_INS_ID, RESULT_MSG_ID, DECIDED_AT,
        CREATED_AT};
    /** Stored text columns are bounded (V10); longer values from a peer are cut, not refused. */
    private static final int PAYMENT_STATUS_MAX_CHARS = 32;
    private static final int REJECTION_REASON_MAX_CHARS = 128;
    /** Keys per poll query: bounded so the IN list stays a sane statement. */
    private static final int POLL_CHUNK = 200;

    private final DSLContext dsl;
    private final DataCipher cipher;

    public JdbcCpqrPayments(Database db, DataCipher cipher) {
        this.dsl = db.dsl();
        this.cipher = cipher;
    }

    @Override
    public boolean create(CpqrPayment p) {
        String insId = p.key().insId();
        String msgId = p.key().msgId();
        try {
            dsl.transaction(cfg -> DSL.using(cfg).insertInto(TABLE)
                    .set(INS_ID, insId)
                    .set(MSG_ID, msgId)
                    .set(CODE_ID, p.codeId())
                    .set(APP_GATEWAY_INS_ID, p.appGatewayInsId())
                    .set(BARCODE, p.barcode())
                    .set(PAYLOAD_ENC, cipher.encryptString(p.payload(), Aad.cpqrPaymentPayload(insId, msgId)))
                    .set(VERIFICATION_REQUIRED, p.verificationRequired())
                    .set(VERDICT, p.verdict() == null ? null : p.verdict().kind().name())
                    .set(PAYMENT_STATUS, p.verdict() == null ? null : cut(p.verdict().paymentStatus(),
                            PAYMENT_STATUS_MAX_CHARS))
                    .set(REJECTION_REASON, p.verdict() == null ? null : cut(p.verdict().rejectionReason(),
                            REJECTION_REASON_MAX_CHARS))
                    .set(RESULT_INS_ID, p.verdict() == null ? null : p.verdict().resultInsId())
                    .set(RESULT_MSG_ID, p.verdict() == null ? null : p.verdict().resultMsgId())
                    .set(DECIDED_AT, p.verdict() == null ? null : p.verdict().decidedAt().toEpochMilli())
                    .set(CREATED_AT, p.createdAt().toEpochMilli())
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
    public Optional<CpqrPayment> find(String acquirerInsId, String acquirerMsgId) {
        return dsl.select(ALL).from(TABLE).where(key(acquirerInsId, acquirerMsgId))
                .fetchOptional(this::toPayment);
    }

    @Override
    public RecordResult recordVerdict(String acquirerInsId, String acquirerMsgId, CpqrVerdict verdict) {
        int updated = dsl.update(TABLE)
                .set(VERDICT, verdict.kind().name())
                .set(PAYMENT_STATUS, cut(verdict.paymentStatus(), PAYMENT_STATUS_MAX_CHARS))
                .set(REJECTION_REASON, cut(verdict.rejectionReason(), REJECTION_REASON_MAX_CHARS))
                .set(RESULT_INS_ID, verdict.resultInsId())
                .set(RESULT_MSG_ID, verdict.resultMsgId())
                .set(DECIDED_AT, verdict.decidedAt().toEpochMilli())
                .where(key(acquirerInsId, acquirerMsgId))
                .and(VERIFICATION_REQUIRED.isTrue())
                .and(VERDICT.isNull())
                .execute();
        if (updated == 1) {
            return RecordResult.RECORDED;
        }
        boolean awaitsOne = dsl.fetchExists(TABLE, key(acquirerInsId, acquirerMsgId)
                .and(VERIFICATION_REQUIRED.isTrue()));
        return awaitsOne ? RecordResult.ALREADY_DECIDED : RecordResult.NOT_AWAITED;
    }

    @Override
    public Map<CpqrPayment.Key, CpqrVerdict> verdicts(Collection<CpqrPayment.Key> payments) {
        Map<CpqrPayment.Key, CpqrVerdict> found = new LinkedHashMap<>();
        List<CpqrPayment.Key> all = new ArrayList<>(payments);
        for (int from = 0; from < all.size(); from += POLL_CHUNK) {
            List<CpqrPayment.Key> chunk = all.subList(from, Math.min(all.size(), from + POLL_CHUNK));
            Condition any = DSL.or(chunk.stream().map(k -> key(k.insId(), k.msgId())).toList());
            dsl.select(INS_ID, MSG_ID, VERDICT, PAYMENT_STATUS, REJECTION_REASON, RESULT_INS_ID, RESULT_MSG_ID,
                            DECIDED_AT)
                    .from(TABLE)
                    .where(any.and(VERDICT.isNotNull()))
                    .forEach(r -> found.put(new CpqrPayment.Key(r.get(INS_ID), r.get(MSG_ID)), verdict(r)));
        }
        return found;
    }

    private static Condition key(String insId, String msgId) {
        return INS_ID.eq(insId).and(MSG_ID.eq(msgId));
    }

    private CpqrPayment toPayment(Record r) {
        String insId = r.get(INS_ID);
        String msgId = r.get(MSG_ID);
        return new CpqrPayment(new CpqrPayment.Key(insId, msgId), r.get(CODE_ID), r.get(APP_GATEWAY_INS_ID),
                Boolean.TRUE.equals(r.get(BARCODE)), cipher.decryptString(r.get(PAYLOAD_ENC),
                        Aad.cpqrPaymentPayload(insId, msgId)),
                Boolean.TRUE.equals(r.get(VERIFICATION_REQUIRED)), r.get(VERDICT) == null ? null : verdict(r),
                Instant.ofEpochMilli(r.get(CREATED_AT)));
    }

    private static CpqrVerdict verdict(Record r) {
        return new CpqrVerdict(CpqrVerdict.Kind.valueOf(r.get(VERDICT)), r.get(PAYMENT_STATUS),
                r.get(REJECTION_REASON), r.get(RESULT_INS_ID), r.get(RESULT_MSG_ID),
                Instant.ofEpochMilli(r.get(DECIDED_AT)));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public String toString() {
        return "JdbcCpqrPayments";
    }
}
