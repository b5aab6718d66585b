package org.openscis.connector.sim.bank;

import org.openscis.codec.ResponseCode;
import org.openscis.codec.money.Currency;

/**
 * The {@code onUsFlag} of DEBIT_TRANSACTION and CREDIT_TRANSACTION. On-us ({@code "Y"} or absent) the counterparty is
 * a merchant of this bank, found by {@code merchantInfo.mid}. Off-us ({@code "N"}: a merchant of another acquirer,
 * paid by QR) the counterparty is the currency's settlement account {@code SETTLEMENT-<ccy>} (kind CLEARING), through
 * which the scheme settles with the acquirer; {@code merchantInfo} is then descriptive only and never looked up.
 */
final class OffUs {

    static final String FLAG = "onUsFlag";
    static final String SETTLEMENT_PREFIX = "SETTLEMENT-";
    /** The bank has no settlement account in the currency: a configuration fault of the bank, not of the request. */
    static final ResponseCode NO_SETTLEMENT_ACCOUNT = ResponseCode.ISSUER_SYSTEM_ERROR;

    private OffUs() {}

    /** Whether the message is off-us; records 30 in {@code f} for a flag that is neither Y nor N. */
    static boolean offUs(Fields f) {
        String flag = f.optionalText(FLAG);
        if (flag == null || "Y".equals(flag)) {
            return false;
        }
        if ("N".equals(flag)) {
            return true;
        }
        f.fail(ResponseCode.FORMAT_ERROR, FLAG + " must be Y or N");
        return false;
    }

    /** The settlement account number of a currency. */
    static String settlementAccount(Currency currency) {
        return SETTLEMENT_PREFIX + currency.numeric();
    }
}
