package org.openscis.router.handler;

import org.openscis.codec.envelope.TrxInfo;

/**
 * The merchant of a merchant-presented QR payment, as the QR (EMV) or the QR host (URL) describes it: another
 * acquirer's merchant, never looked up in the switch's configuration.
 *
 * @param acquirerIin   N 8
 * @param forwardingIin N 8
 * @param mid           ANS 15
 * @param country       ISO 3166 numeric
 * @param termId        the terminal, or null when the QR names none
 */
record QrMerchant(String acquirerIin, String forwardingIin, String mid, String name, String mcc, String country,
        String termId) {

    /** {@code termId} is ANS 8 on the CBS wire; a longer terminal label keeps its first 8 characters. */
    static final int TERM_ID_MAX_CHARS = 8;

    /** The CBS {@code merchantInfo} of an off-us payment (issuer-connector README, "Off-us merchants"). */
    TrxInfo cbsMerchantInfo() {
        return TrxInfo.builder()
                .put("acquirerIIN", acquirerIin)
                .put("fwdIIN", forwardingIin)
                .put("mid", mid)
                .put("merchantName", name)
                .put("mcc", mcc)
                .put("merchantCountry", country)
                .put("termId", termId == null || termId.length() <= TERM_ID_MAX_CHARS ? termId
                        : termId.substring(0, TERM_ID_MAX_CHARS))
                .build();
    }
}
