package org.openscis.router.port;

import java.time.Instant;

/**
 * Identifiers the switch creates (decisions.md §9), unique across restarts and across nodes sharing one database.
 */
public interface SwitchIds {

    /** {@code U} + issuer IIN (8) + {@code yyyyMMddHHmmss} (UTC) + STAN (6). */
    String cbsMsgId(String issuerIin, Instant now);

    /** A KYC or transaction reference, unique per issuer: at most 20 digits. */
    String referNo(String issuerIin);

    /** A one-time cash-out token: 18 digits, unpredictable, never handed out twice. */
    String cashOutToken();

    /** An ISO 8583 field-37 style retrieval reference number: 12 digits. */
    String retrievalRefNum();

    /** A {@code qrcVoucherNo}: 20 digits. */
    String voucherNo();
}
