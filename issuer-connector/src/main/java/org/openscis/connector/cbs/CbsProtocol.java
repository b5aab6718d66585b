package org.openscis.connector.cbs;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The switch ↔ CBS protocol (decisions.md §1, protocol.md §3.25): the same envelope and UPI-JWS as every other link,
 * POSTed to {@code /cbs/<msgtype in lower case>} unless the issuer configures another path.
 */
public final class CbsProtocol {

    /** Every CBS message type the switch sends, by wire name. */
    public static final List<String> MESSAGE_TYPES = List.of("KYC_VERIFICATION", "OPEN_ACCOUNT",
            "DEBIT_TRANSACTION", "CREDIT_TRANSACTION", "P2P_TRANSFER", "GET_CASH_OUT_TOKEN",
            "ACCOUNT_BALANCE_INQUIRY", "REVERSAL", "TRANSACTION_INQUIRY");

    /** Request fields carried as compact JWE to the issuer's encryption key (plain nested objects before that). */
    public static final Set<String> JWE_REQUEST_FIELDS = Set.of("cvmInfo", "accountInfo", "debitAccountInfo",
            "creditAccountInfo");

    /** Response fields carried as compact JWE to the switch's encryption key. */
    public static final Set<String> JWE_RESPONSE_FIELDS = Set.of("accountInfo");

    /** The {@code msgInfo.versionNo} of every CBS message. */
    public static final String VERSION = "1.0.0";

    private CbsProtocol() {}

    /** {@code /cbs/debit_transaction} for {@code DEBIT_TRANSACTION}. */
    public static String defaultPath(String msgType) {
        return "/cbs/" + msgType.toLowerCase(Locale.ROOT);
    }

    /** The message type a default path names, or null if it names none. */
    public static String typeOfDefaultPath(String path) {
        for (String type : MESSAGE_TYPES) {
            if (defaultPath(type).equals(path)) {
                return type;
            }
        }
        return null;
    }
}
