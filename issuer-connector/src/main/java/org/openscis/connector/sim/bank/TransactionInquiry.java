package org.openscis.connector.sim.bank;

import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;

/**
 * TRANSACTION_INQUIRY: what became of the message {@code origTrxId}: 00 with {@code paymentStatus} APPROVED,
 * DECLINED or REVERSED and {@code origRespCode} (the code it got), or 25 if the simulator never processed it (a
 * tombstone counts as never processed). Not recorded: it always reports the current state.
 */
final class TransactionInquiry implements Processor {

    @Override
    public boolean recorded() {
        return false;
    }

    @Override
    public Result process(Context ctx, TrxInfo trx) {
        Fields f = new Fields(trx);
        String origTrxId = trx.string("origTrxId") == null && trx.string("origTrxID") != null
                ? f.text("origTrxID") : f.text("origTrxId");
        if (f.failed()) {
            return f.failure();
        }
        MovementRow orig = Movements.find(ctx.tx(), origTrxId).orElse(null);
        if (orig == null || orig.state() == MovementState.TOMBSTONE || orig.state() == MovementState.PENDING) {
            return Result.declined(ResponseCode.ORIGINAL_NOT_FOUND, null);
        }
        return Result.approved(TrxInfo.builder()
                .put("paymentStatus", orig.state().name())
                .put("origRespCode", orig.responseCode())
                .build());
    }
}
