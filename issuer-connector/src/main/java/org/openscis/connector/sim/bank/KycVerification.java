package org.openscis.connector.sim.bank;

import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;

/**
 * KYC_VERIFICATION: checks the identity in {@code cvmInfo} and records the decision under {@code referNo} for the
 * OPEN_ACCOUNT that follows. An {@code idNo} starting {@value #REJECT_PREFIX} is rejected (05), a missing
 * {@code idNo}, {@code idType} or {@code lastName} is a validation error (70), an unknown {@code insPrd} too.
 * The identity data itself is not kept.
 */
final class KycVerification implements Processor {

    /** Test hook of the simulator: identities whose number starts like this fail verification. */
    static final String REJECT_PREFIX = "REJECT";

    @Override
    public boolean recorded() {
        return true;
    }

    @Override
    public Result process(Context ctx, TrxInfo trx) {
        Fields f = new Fields(trx);
        String referNo = f.text("referNo");
        String insPrd = f.text("insPrd");
        if (f.failed()) {
            return f.failure();
        }
        if (!ctx.products().containsKey(insPrd)) {
            return Result.declined(ResponseCode.ISSUER_VALIDATION_ERROR, "unknown insPrd");
        }
        TrxInfo cvm = trx.object("cvmInfo");
        String missing = firstMissing(cvm, "idNo", "idType", "lastName");
        if (missing != null) {
            return Result.declined(ResponseCode.ISSUER_VALIDATION_ERROR, "cvmInfo." + missing + " is missing");
        }
        if (KycRecords.find(ctx.tx(), referNo).isPresent()) {
            return Result.declined(ResponseCode.DUPLICATED_TRANSACTION, "referNo already used by another KYC");
        }
        boolean rejected = cvm.string("idNo").startsWith(REJECT_PREFIX);
        KycRecords.insert(ctx.tx(), referNo, ctx.msgId(), rejected ? KycRecords.REJECTED : KycRecords.APPROVED,
                insPrd, ctx.nowMillis());
        if (rejected) {
            return Result.declined(ResponseCode.CARDHOLDER_VERIFICATION_FAILED, "identity not verified");
        }
        return Result.approved(TrxInfo.builder().put("referNo", referNo).build());
    }

    private static String firstMissing(TrxInfo cvm, String... names) {
        if (cvm == null) {
            return names[0];
        }
        for (String name : names) {
            String value = cvm.string(name);
            if (value == null || value.isBlank()) {
                return name;
            }
        }
        return null;
    }
}
