package org.openscis.connector.sim.bank;

import java.util.Optional;
import org.jooq.DSLContext;

/** KYC decisions by reference number. */
final class KycRecords {

    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    private KycRecords() {}

    /** The decision recorded for {@code referNo}. */
    static Optional<String> find(DSLContext tx, String referNo) {
        return tx.select(Schema.Kyc.DECISION).from(Schema.Kyc.TABLE)
                .where(Schema.Kyc.REFER_NO.eq(referNo))
                .fetchOptional(Schema.Kyc.DECISION);
    }

    static void insert(DSLContext tx, String referNo, String msgId, String decision, String insPrd, long nowMillis) {
        tx.insertInto(Schema.Kyc.TABLE)
                .set(Schema.Kyc.REFER_NO, referNo)
                .set(Schema.Kyc.MSG_ID, msgId)
                .set(Schema.Kyc.DECISION, decision)
                .set(Schema.Kyc.INS_PRD, insPrd)
                .set(Schema.Kyc.CREATED_AT, nowMillis)
                .execute();
    }
}
