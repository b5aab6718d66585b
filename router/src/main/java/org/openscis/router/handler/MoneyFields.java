package org.openscis.router.handler;

import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.TrxReader;

/** Field rules the money messages share (protocol.md §2.6, §2.7). */
final class MoneyFields {

    /**
     * Amounts are read loosely here: {@link org.openscis.codec.money.Amount#parse} judges them, so that a malformed,
     * negative or over-long amount is 13 (invalid amount), not 30.
     */
    static final int AMOUNT_MAX_READ_CHARS = 32;
    static final int CURRENCY_DIGITS = 3;
    static final int TRX_NOTE_MAX_CHARS = 120;
    static final int REFER_NO_MAX_CHARS = 50;
    static final int MID_MAX_CHARS = 15;
    static final int MERCHANT_NAME_MAX_CHARS = 40;

    private MoneyFields() {}

    static String trxAmt(TrxReader reader) {
        return reader.required("trxAmt", 1, AMOUNT_MAX_READ_CHARS, CharClass.ANS);
    }

    static String optionalAmount(TrxReader reader, String name) {
        return reader.optional(name, 1, AMOUNT_MAX_READ_CHARS, CharClass.ANS);
    }

    static String trxCurrency(TrxReader reader) {
        return reader.required("trxCurrency", CURRENCY_DIGITS, CURRENCY_DIGITS, CharClass.N);
    }

    static String optionalCurrency(TrxReader reader) {
        return reader.optional("trxCurrency", CURRENCY_DIGITS, CURRENCY_DIGITS, CharClass.N);
    }

    static String trxNote(TrxReader reader) {
        return reader.optional("trxNote", 1, TRX_NOTE_MAX_CHARS, CharClass.S);
    }

    static String referNo(TrxReader reader) {
        return reader.optional("referNo", 1, REFER_NO_MAX_CHARS, CharClass.ANS);
    }

    /** {@code riskInfo} is optional and not interpreted; if present it must be an object. */
    static void riskInfo(TrxReader reader) {
        reader.optionalObject("riskInfo");
    }

    /**
     * The {@code mid} of the mandatory {@code merchantInfo}. {@code merchantName} is optional and only checked for
     * format: the CBS gets the configured merchant's name.
     */
    static String merchantId(TrxReader reader) {
        TrxReader merchant = reader.requiredObject("merchantInfo");
        String mid = merchant.required("mid", 1, MID_MAX_CHARS, CharClass.ANS);
        merchant.optional("merchantName", 1, MERCHANT_NAME_MAX_CHARS, CharClass.S);
        return mid;
    }
}
