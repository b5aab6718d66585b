package org.openscis.router.port;

import java.time.Instant;
import org.openscis.codec.envelope.TrxInfo;

/**
 * A KYC_VERIFICATION the CBS decided, kept for the OPEN_ACCOUNT that follows (protocol.md §5.1). {@code cvmInfo} is
 * the decrypted KYC data, plain text in memory only (storage encrypts it). {@code openingCbsMsgId} is the CBS msgID of
 * the OPEN_ACCOUNT call made for it, fixed by the first attempt so that every retry asks the CBS the same question.
 */
public record KycRecord(
        String referNo,
        String insId,
        String kycMsgId,
        String issuerIin,
        String prdNo,
        String deviceId,
        String userId,
        TrxInfo cvmInfo,
        KycState state,
        String openingCbsMsgId,
        Instant createdAt,
        Instant consumedAt) {

    /** APPROVED until an account is opened with it (CONSUMED); REJECTED if the CBS refused it. */
    public enum KycState { APPROVED, REJECTED, CONSUMED }

    @Override
    public String toString() {
        return "KycRecord[" + referNo + ", " + insId + "/" + kycMsgId + ", " + state + "]";
    }
}
