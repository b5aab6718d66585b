package org.openscis.router.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Consumer-presented codes the switch issued (decisions.md §7). Implementations are durable and multi-node safe. */
public interface CpqrCodes {

    /** Reserves count ATC values for the token, strictly above every value reserved before (all nodes); returns the first. */
    int reserveAtc(String token, int count);

    /**
     * Stores {@code codes} all or nothing, durably before QRC_GENERATION answers.
     *
     * @throws BarcodeTaken if one of the barcodes is already stored (nothing was stored): the caller draws new
     *     barcodes and stores again. With 17 random digits this is a once-in-a-lifetime event, which is why it is an
     *     exception rather than a result every caller would have to handle.
     */
    void store(List<CpqrCode> codes);

    /** The code whose EMV payload is exactly {@code emvPayload} (implementations look it up by keyed hash). */
    Optional<CpqrCode> findByPayload(String emvPayload);

    Optional<CpqrCode> findByBarcode(String barcode);

    /** Single use: marks the code used by (usedByInsId, usedByMsgId) if unused and not expired at now. */
    RedeemResult redeem(String codeId, String usedByInsId, String usedByMsgId, Instant now);

    /** What {@link #redeem} did; only {@link #REDEEMED} lets a payment go on. */
    enum RedeemResult { REDEEMED, ALREADY_USED, EXPIRED, UNKNOWN }

    /** A barcode of a code to store is already taken by another code; nothing was stored. */
    final class BarcodeTaken extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public BarcodeTaken() {
            super("a barcode is already taken", null, false, false);
        }
    }
}
