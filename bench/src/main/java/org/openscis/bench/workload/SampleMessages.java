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
    /** The embedded CBS's seeded biller (BILL_PAYMENT credits it) and agent (CREDIT_TRANSACTION debits its float). */
    public static final String BILLER_MID = "BILLER000000001";
    public static final String AGENT_MID = "AGENT0000000001";
    /** Hong Kong dollar, the currency of product 1003 and of the embedded CBS's seeded accounts. */
    public static final String CURRENCY_HKD = "344";
    /** The embedded CBS's seeded customer accounts: 100000000001 and the next 499, each with 1,000.00 HKD. */
    public static final String FIRST_SEEDED_ACCOUNT = "100000000001";
    public static final int SEEDED_ACCOUNTS = 500;
    /** The demo issuer of the shipped configuration (the CBS envelope's insID). */
    public static final String ISSUER_IIN = "62000001";
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

    /** BILL_PAYMENT (§3.21, §7.13) without a fee, so the amount alone leaves the account. */
    public static TrxInfo billPayment(String deviceId, String userId, String token, String amount, String currency,
            String billerMid) {
        return TrxInfo.builder()
                .put("deviceID", deviceId)
                .put("userID", userId)
                .put("token", token)
                .put("trxAmt", amount)
                .put("trxCurrency", currency)
                .put("trxFeeAmt", "0.00")
                .put("trxNote", "bench electricity bill")
                .put("merchantInfo", TrxInfo.builder().put("mid", billerMid).put("merchantName", "Demo Biller")
                        .build())
                .build();
    }

    /**
     * P2P_TRANSFER (§3.12, §7.12); {@code creditAccountInfo} is the payee object (encrypted later by the client
     * library) or a compact JWE.
     */
    public static TrxInfo p2pTransfer(String deviceId, String userId, String token, Object creditAccountInfo,
            String amount, String currency) {
        return TrxInfo.builder()
                .put("deviceID", deviceId)
                .put("userID", userId)
                .put("token", token)
                .put("creditAccountInfo", creditAccountInfo)
                .put("trxAmt", amount)
                .put("trxCurrency", currency)
                .put("trxNote", "bench transfer")
                .build();
    }

    /** The payee of a P2P_TRANSFER named by account number, as the switch expects inside creditAccountInfo. */
    public static TrxInfo payeeAccount(String accountNo) {
        return TrxInfo.builder().put("accountNo", accountNo).build();
    }

    /** CREDIT_TRANSACTION (§3.22, §7.13): an agent tops up the card; the wallet's device and user are included. */
    public static TrxInfo creditTransaction(String deviceId, String userId, String token, String amount,
            String currency, String agentMid) {
        return TrxInfo.builder()
                .put("deviceID", deviceId)
                .put("userID", userId)
                .put("token", token)
                .put("trxAmt", amount)
                .put("trxCurrency", currency)
                .put("trxNote", "bench top-up")
                .put("merchantInfo", TrxInfo.builder().put("mid", agentMid).put("merchantName", "Demo Agent")
                        .build())
                .build();
    }

    /** GET_CASH_OUT_TOKEN (§3.17, §7.12): a withdrawal code that holds the amount until it expires. */
    public static TrxInfo cashOutToken(String deviceId, String userId, String token, String amount,
            String currency) {
        return TrxInfo.builder()
                .put("deviceID", deviceId)
                .put("userID", userId)
                .put("token", token)
                .put("trxTokenType", "WITHDRAW")
                .put("trxAmt", amount)
                .put("trxCurrency", currency)
                .build();
    }

    /** CARD_STATUS_MANAGEMENT (§3.7) with {@code tokenAction} e.g. {@code DELETE}. */
    public static TrxInfo tokenAction(String deviceId, String userId, String token, String action) {
        return TrxInfo.builder()
                .put("deviceID", deviceId)
                .put("userID", userId)
                .put("token", token)
                .put("tokenAction", action)
                .build();
    }

    /**
     * What the switch sends the CBS for a bill payment (DEBIT_TRANSACTION, issue-3 contracts), with
     * {@code debitAccountInfoJwe} already encrypted to the CBS: same members and value lengths.
     */
    public static Envelope cbsDebitRequestEnvelope(String debitAccountInfoJwe) {
        TrxInfo trx = TrxInfo.builder()
                .put("relTrxMsgID", MSG_ID)
                .put("relTrxType", "BILL_PAYMENT")
                .put("merchantInfo", TrxInfo.builder().put("mid", BILLER_MID).put("merchantName", "Demo Biller")
                        .put("mcc", "4900").put("merchantCountry", CURRENCY_HKD).build())
                .put("onUsFlag", "Y")
                .put("debitAccountInfo", debitAccountInfoJwe)
                .put("trxAmt", "0.25")
                .put("trxCurrency", CURRENCY_HKD)
                .put("billAmt", "0.25")
                .put("billCurrency", CURRENCY_HKD)
                .put("feeAmt", "0")
                .put("markupAmt", "0")
                .put("trxNote", "bench electricity bill")
                .put("retrivlRefNum", "101588094295")
                .put("transDatetime", "0917152901")
                .put("traceNum", "974867")
                .build();
        return Envelope.request(cbsMsgInfo("DEBIT_TRANSACTION"), trx);
    }

    /** The CBS's approval of a movement: the msgInfo echo and msgResponse, no trxInfo. */
    public static Envelope cbsApprovalEnvelope(String cbsMsgType) {
        return Envelope.response(cbsMsgInfo(cbsMsgType), TrxInfo.EMPTY, MsgResponse.of(ResponseCode.APPROVED));
    }

    /** The plaintext of a CBS account field: the card's token and PAN and the issuer account. */
    public static TrxInfo cbsAccountInfo(String accountNo) {
        return TrxInfo.builder()
                .put("token", "6292000012345678901")
                .put("pan", samplePan())
                .put("accountNo", accountNo)
                .build();
    }

    /** A TRX_RESULT_NOTIFICATION callback (§3.16, §7.9) about an approved bill payment. */
    public static Envelope trxResultNotificationEnvelope() {
        TrxInfo trx = TrxInfo.builder()
                .put("deviceID", sampleDeviceId())
                .put("token", "6292000012345678901")
                .put("trxMsgType", "BILL_PAYMENT")
                .put("trxAmt", "0.25")
                .put("trxCurrency", CURRENCY_HKD)
                .put("trxNote", "bench electricity bill")
                .put("merchantName", "Demo Biller")
                .put("retrivlRefNum", "101588094295")
                .put("paymentStatus", "APPROVED")
                .put("rejectionReason", "APPROVED")
                .put("referNo", "119771")
                .build();
        return Envelope.request(new MsgInfo(VERSION_NO, "U6200000120190917152901974867", TIME_STAMP,
                "TRX_RESULT_NOTIFICATION", INS_ID), trx);
    }

    /** The App Gateway's answer to a callback: msgInfo echo and 00. */
    public static Envelope callbackAnswerEnvelope() {
        return Envelope.response(new MsgInfo(VERSION_NO, "U6200000120190917152901974867", TIME_STAMP,
                "TRX_RESULT_NOTIFICATION", INS_ID), TrxInfo.EMPTY, MsgResponse.of(ResponseCode.APPROVED));
    }

    private static MsgInfo cbsMsgInfo(String msgType) {
        return new MsgInfo(VERSION_NO, "U6200000120190917152901974867", TIME_STAMP, msgType, ISSUER_IIN);
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
