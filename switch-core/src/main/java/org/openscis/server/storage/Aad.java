package org.openscis.server.storage;

/**
 * Associated data for {@link org.openscis.server.crypto.DataCipher}: table, column and row key, so a ciphertext
 * copied to another row or column fails authentication. Changing these strings makes existing rows unreadable.
 */
final class Aad {

    private Aad() {}

    static String cardPan(String cardId) {
        return "cards.pan_enc:" + cardId;
    }

    static String cardExpiry(String cardId) {
        return "cards.expiry_enc:" + cardId;
    }

    static String cardAccount(String cardId) {
        return "cards.account_enc:" + cardId;
    }

    /** The insID's length prefix keeps the pair unambiguous whatever characters the ids contain. */
    static String idempotencyResponse(String insId, String msgId) {
        return "idempotency.response_enc:" + insId.length() + ":" + insId + "|" + msgId;
    }

    static String moneyCbsRequest(String trxId) {
        return "money_transactions.cbs_request_enc:" + trxId;
    }

    static String moneyApprovedReply(String trxId) {
        return "money_transactions.approved_reply_enc:" + trxId;
    }

    static String kycCvmInfo(String referNo) {
        return "kyc_records.cvm_info_enc:" + referNo;
    }

    static String cpqrPayload(String codeId) {
        return "cpqr_codes.payload_enc:" + codeId;
    }

    static String cpqrBarcode(String codeId) {
        return "cpqr_codes.barcode_enc:" + codeId;
    }

    static String cpqrToken(String codeId) {
        return "cpqr_codes.token_enc:" + codeId;
    }

    static String cpqrPaymentPayload(String insId, String msgId) {
        return "cpqr_payments.payload_enc:" + insId.length() + ":" + insId + "|" + msgId;
    }
}
