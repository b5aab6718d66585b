package org.openscis.router.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Consumer-presented codes the switch issued (decisions.md §7). Implementations are durable and multi-node safe. */
public interface CpqrCodes {

    /** Reserves count ATC values for the token, strictly above every value reserved before (all nodes); returns the first. */
    int reserveAtc(String token, int count);

    /** Durable before QRC_GENERATION answers. */
    void store(List<CpqrCode> codes);

    /** Exact string; lookup by keyed hash. */
    Optional<CpqrCode> findByPayload(String emvPayload);

    Optional<CpqrCode> findByBarcode(String barcode);

    /** Single use: marks the code used by (usedByInsId, usedByMsgId) if unused and not expired at now. */
    RedeemResult redeem(String codeId, String usedByInsId, String usedByMsgId, Instant now);

    enum RedeemResult { REDEEMED, ALREADY_USED, EXPIRED, UNKNOWN }
}
