package org.openscis.connector.sim.bank;

import org.openscis.codec.envelope.TrxInfo;

/** Handles one CBS message type inside the message's database transaction. */
interface Processor {

    /**
     * Whether the answer is recorded under the msgID and replayed to retries. Read-only inquiries are not: they
     * change nothing, so they answer from the current state every time.
     */
    boolean recorded();

    /**
     * Decides the message and applies its effect in {@code ctx.tx()}. For a recorded type the msgID row is already
     * claimed (PENDING), so postings and holds may reference it. A refusal must leave the ledger untouched.
     *
     * @param trx the request trxInfo with its JWE fields already decrypted into nested objects
     */
    Result process(Context ctx, TrxInfo trx);
}
