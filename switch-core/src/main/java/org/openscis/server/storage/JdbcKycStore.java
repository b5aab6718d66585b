package org.openscis.server.storage;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.openscis.router.port.KycRecord;
import org.openscis.router.port.KycRecord.KycState;
import org.openscis.router.port.KycStore;
import org.openscis.server.crypto.DataCipher;
import org.openscis.server.storage.Tables.KycRecords;

/**
 * {@link KycStore} on the {@code kyc_records} table, shared by every node. The KYC data ({@code cvmInfo}: names, ID
 * and account numbers) is stored only as {@link DataCipher} ciphertext bound to the referNo. Both state changes are
 * single conditional updates, so concurrent OPEN_ACCOUNT attempts on any nodes agree on one opening msgID and exactly
 * one of them consumes the KYC. Times are kept to the millisecond.
 */
public final class JdbcKycStore implements KycStore {

    private final DSLContext dsl;
    private final SealedTrxInfo sealed;

    public JdbcKycStore(Database db, DataCipher cipher) {
        this.dsl = db.dsl();
        this.sealed = new SealedTrxInfo(cipher);
    }

    @Override
    public boolean save(KycRecord record) {
        String referNo = record.referNo();
        try {
            dsl.transaction(cfg -> DSL.using(cfg).insertInto(KycRecords.TABLE)
                    .set(KycRecords.REFER_NO, referNo)
                    .set(KycRecords.INS_ID, record.insId())
                    .set(KycRecords.KYC_MSG_ID, record.kycMsgId())
                    .set(KycRecords.ISSUER_IIN, record.issuerIin())
                    .set(KycRecords.PRD_NO, record.prdNo())
                    .set(KycRecords.DEVICE_ID, record.deviceId())
                    .set(KycRecords.USER_ID, record.userId())
                    .set(KycRecords.CVM_INFO_ENC, sealed.seal(record.cvmInfo(), Aad.kycCvmInfo(referNo)))
                    .set(KycRecords.STATE, record.state().name())
                    .set(KycRecords.OPENING_CBS_MSG_ID, record.openingCbsMsgId())
                    .set(KycRecords.CREATED_AT, record.createdAt().toEpochMilli())
                    .set(KycRecords.CONSUMED_AT, record.consumedAt() == null ? null
                            : record.consumedAt().toEpochMilli())
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
    public Optional<KycRecord> find(String insId, String kycMsgId) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).select(KycRecords.ALL).from(KycRecords.TABLE)
                .where(KycRecords.INS_ID.eq(insId).and(KycRecords.KYC_MSG_ID.eq(kycMsgId)))
                .fetchOptional()
                .map(this::toRecord));
    }

    /**
     * {@inheritDoc} The first writer wins through a conditional update on a NULL column; everyone then reads the
     * stored value in the same transaction.
     *
     * @throws IllegalArgumentException if no KYC has this referNo
     */
    @Override
    public String fixOpeningCbsMsgId(String referNo, String candidate) {
        String stored = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.update(KycRecords.TABLE)
                    .set(KycRecords.OPENING_CBS_MSG_ID, candidate)
                    .where(KycRecords.REFER_NO.eq(referNo).and(KycRecords.OPENING_CBS_MSG_ID.isNull()))
                    .execute();
            return tx.select(KycRecords.OPENING_CBS_MSG_ID).from(KycRecords.TABLE)
                    .where(KycRecords.REFER_NO.eq(referNo))
                    .fetchOptional(KycRecords.OPENING_CBS_MSG_ID)
                    .orElse(null);
        });
        if (stored == null) {
            throw new IllegalArgumentException("no KYC record with referNo " + referNo);
        }
        return stored;
    }

    @Override
    public boolean consume(String referNo, Instant now) {
        return dsl.transactionResult(cfg -> DSL.using(cfg).update(KycRecords.TABLE)
                .set(KycRecords.STATE, KycState.CONSUMED.name())
                .set(KycRecords.CONSUMED_AT, now.toEpochMilli())
                .where(KycRecords.REFER_NO.eq(referNo).and(KycRecords.STATE.eq(KycState.APPROVED.name())))
                .execute()) == 1;
    }

    private KycRecord toRecord(Record r) {
        String referNo = r.get(KycRecords.REFER_NO);
        Long consumedAt = r.get(KycRecords.CONSUMED_AT);
        return new KycRecord(
                referNo,
                r.get(KycRecords.INS_ID),
                r.get(KycRecords.KYC_MSG_ID),
                r.get(KycRecords.ISSUER_IIN),
                r.get(KycRecords.PRD_NO),
                r.get(KycRecords.DEVICE_ID),
                r.get(KycRecords.USER_ID),
                sealed.open(r.get(KycRecords.CVM_INFO_ENC), Aad.kycCvmInfo(referNo)),
                KycState.valueOf(r.get(KycRecords.STATE)),
                r.get(KycRecords.OPENING_CBS_MSG_ID),
                Instant.ofEpochMilli(r.get(KycRecords.CREATED_AT)),
                consumedAt == null ? null : Instant.ofEpochMilli(consumedAt));
    }

    @Override
    public String toString() {
        return "JdbcKycStore";
    }
}
