package org.openscis.router.port;

import java.util.Optional;

/**
 * The QRC_INFO_INQUIRY requests the switch answered, kept so that MPQRC_PAYMENT_URL can be tied to one by
 * {@code origTrxMsgID} and held to the order it was shown. Durable and shared by all nodes.
 */
public interface UrlInquiries {

    /** Stores an answered inquiry; recording the same (insID, msgID) again keeps the first. */
    void record(UrlInquiry inquiry);

    /** The inquiry {@code msgId} of the participant {@code insId}; another participant's is never found. */
    Optional<UrlInquiry> find(String insId, String msgId);
}
