package org.openscis.router.handler;

import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;

/** Field rules the merchant-presented QR payments share (protocol.md §2.6, §3.19, §3.20). */
final class QrFields {

    static final int MSG_ID_MAX_CHARS = 64;
    static final int IIN_DIGITS = 8;
    static final int MCC_DIGITS = 4;

    private QrFields() {}

    /** {@code additionalData}, optional, copied to the CBS as it came; if present it must be an object. */
    static TrxInfo additionalData(TrxReader reader) {
        TrxReader data = reader.optionalObject("additionalData");
        return data == null ? null : data.source();
    }

    /** {@code riskInfo} and {@code couponInfo}: optional objects, not interpreted. */
    static void uninterpreted(TrxReader reader) {
        MoneyFields.riskInfo(reader);
        reader.optionalObject("couponInfo");
    }

    static String origTrxMsgId(TrxReader reader) {
        return reader.required("origTrxMsgID", 1, MSG_ID_MAX_CHARS, CharClass.ANS);
    }

    /**
     * The requester's own copy of the merchant data; every member is optional, but one that is present must agree with
     * the QR or the order (the handler compares, 30 otherwise).
     */
    record SentMerchant(String acquirerIin, String forwardingIin, String mid, String name, String mcc) {

        static final SentMerchant NONE = new SentMerchant(null, null, null, null, null);

        static SentMerchant read(TrxReader reader, boolean required) {
            TrxReader m = required ? reader.requiredObject("merchantInfo") : reader.optionalObject("merchantInfo");
            if (m == null) {
                return NONE;
            }
            return new SentMerchant(
                    m.optional("acquirerIIN", IIN_DIGITS, IIN_DIGITS, CharClass.N),
                    m.optional("fwdIIN", IIN_DIGITS, IIN_DIGITS, CharClass.N),
                    m.optional("mid", 1, MoneyFields.MID_MAX_CHARS, CharClass.ANS),
                    m.optional("merchantName", 1, MoneyFields.MERCHANT_NAME_MAX_CHARS, CharClass.S),
                    m.optional("mcc", MCC_DIGITS, MCC_DIGITS, CharClass.N));
        }

        /** The first member that disagrees with {@code merchant}, named as on the wire, or null when all agree. */
        String disagreement(QrMerchant merchant) {
            if (differs(acquirerIin, merchant.acquirerIin())) {
                return "merchantInfo.acquirerIIN";
            }
            if (differs(forwardingIin, merchant.forwardingIin())) {
                return "merchantInfo.fwdIIN";
            }
            if (differs(mid, merchant.mid())) {
                return "merchantInfo.mid";
            }
            if (name != null && !name.strip().equals(merchant.name().strip())) {
                return "merchantInfo.merchantName";
            }
            if (differs(mcc, merchant.mcc())) {
                return "merchantInfo.mcc";
            }
            return null;
        }

        private static boolean differs(String sent, String actual) {
            return sent != null && !sent.equals(actual);
        }
    }
}
