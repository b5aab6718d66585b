package org.openscis.bench.workload;

import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.MsgResponse;
import org.openscis.codec.envelope.TrxInfo;

/**
 * Message content shaped like the real examples of protocol.md §7.4 and §7.6: same members, same value lengths. JWE
 * members are passed in, so callers choose whether they hold real ciphertext (benchmarks) or are encrypted later by
 * the client library (load generator).
 */
public final class SampleMessages {

    public static final String VERSION_NO = "1.0.0";
    /** The demo App Gateway of the shipped configuration. */
    public static final String INS_ID = "39990157";
    /** The card product the load generator enrols accounts into (protocol.md §3.4 example value). */
    public static final String PRD_NO = "1003";
    public static final String CARD_ENROLLMENT = "CARD_ENROLLMENT";
    public static final String CARD_STATUS_INQUIRY = "CARD_STATUS_INQUIRY";
    /** The real msgID layout: A + insID(8) + yyyyMMddHHmmss + 6 digits. */
    public static final String MSG_ID = "A3999015720190917152901974867";
    public static final String TIME_STAMP = "20190917152901";

    private SampleMessages() {}

    /** The cvmInfo plaintext that enrols an issuer account: the account number and the KYC fields seen in §7.3. */
    public static TrxInfo accountCvmInfo(String accountNo) {
        return TrxInfo.builder()
                .put("accountNo", accountNo)
                .put("firstName", "Wei")
                .put("lastName", "Chen")
                .put("idType", "ID card")
                .put("idNo", "110101199003071234")
                .put("idCountry", "156")
                .build();
    }

    /** A CARD_ENROLLMENT request trxInfo; {@code cvmInfo} is a compact JWE or the plaintext object. */
    public static TrxInfo enrollmentRequest(String deviceId, String userId, Object cvmInfo) {
        return TrxInfo.builder()
                .put("deviceID", deviceId)
                .put("userID", userId)
                .put("prdNo", PRD_NO)
                .put("cvmInfo", cvmInfo)
                .build();
    }

    /** A CARD_ENROLLMENT response trxInfo as in §7.4, with {@code panJwe} the PAN encrypted to the App Gateway. */
    public static TrxInfo enrollmentResponse(String deviceId, String panJwe) {
        return TrxInfo.builder()
                .put("deviceID", deviceId)
                .put("token", "6291103788756416")
                .put("tokenExpiry", "801230235959")
                .put("pan", panJwe)
                .put("panExpiry", "09/22")
                .put("maskedPan", "6291********0018")
                .put("cardType", "Debit Card")
                .put("cardFaceID", "100205")
                .put("referNo", "119771")
                .build();
    }

    public static TrxInfo statusInquiry(String deviceId, String userId, String token) {
        return TrxInfo.builder()
                .put("deviceID", deviceId)
                .put("userID", userId)
                .put("token", token)
                .build();
    }

    public static TrxInfo statusResponse(String deviceId) {
        return TrxInfo.builder()
                .put("deviceID", deviceId)
                .put("cardStatus", "ACTIVE")
                .build();
    }

    public static MsgInfo msgInfo(String msgType) {
        return new MsgInfo(VERSION_NO, MSG_ID, TIME_STAMP, msgType, INS_ID);
    }

    /** The PAN digits the switch encrypts into an enrolment response. */
    public static String samplePan() {
        return "6291100000000018";
    }

    /** The fixed device of the benchmark fixtures (32 hex characters, as real wallets send). */
    public static String sampleDeviceId() {
        return "1b5ddc2562a8de5b4e175d418f5b7edf";
    }

    public static String sampleUserId() {
        return "3329941324335104";
    }

    /** A complete CARD_ENROLLMENT request envelope around {@code cvmInfoJwe}. */
    public static Envelope enrollmentRequestEnvelope(String cvmInfoJwe) {
        return Envelope.request(msgInfo(CARD_ENROLLMENT),
                enrollmentRequest(sampleDeviceId(), sampleUserId(), cvmInfoJwe));
    }

    /** A complete, approved CARD_ENROLLMENT response envelope around {@code panJwe}. */
    public static Envelope enrollmentResponseEnvelope(String panJwe) {
        return Envelope.response(msgInfo(CARD_ENROLLMENT), enrollmentResponse(sampleDeviceId(), panJwe),
                MsgResponse.of(ResponseCode.APPROVED));
    }

    public static Envelope statusRequestEnvelope() {
        return Envelope.request(msgInfo(CARD_STATUS_INQUIRY),
                statusInquiry(sampleDeviceId(), sampleUserId(), "6291103788756416"));
    }

    public static Envelope statusResponseEnvelope() {
        return Envelope.response(msgInfo(CARD_STATUS_INQUIRY), statusResponse(sampleDeviceId()),
                MsgResponse.of(ResponseCode.APPROVED));
    }
}
