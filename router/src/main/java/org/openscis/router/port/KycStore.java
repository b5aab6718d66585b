package org.openscis.router.port;

import java.time.Instant;
import java.util.Optional;

/** Durable KYC decisions; blocking, each method transactional on its own. */
public interface KycStore {

    /** Stores a decided KYC; false if the referNo or (insId, kycMsgId) is taken. */
    boolean save(KycRecord record);

    /** The KYC of participant {@code insId} sent with msgID {@code kycMsgId}. */
    Optional<KycRecord> find(String insId, String kycMsgId);

    /**
     * Fixes the CBS msgID of the OPEN_ACCOUNT call for this KYC: stores {@code candidate} if none is stored yet and
     * returns the stored one (the candidate, or the one an earlier attempt fixed).
     */
    String fixOpeningCbsMsgId(String referNo, String candidate);

    /** APPROVED → CONSUMED; false if it was not APPROVED any more (consumed by a concurrent OPEN_ACCOUNT). */
    boolean consume(String referNo, Instant now);
}
