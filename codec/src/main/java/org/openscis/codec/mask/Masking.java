package org.openscis.codec.mask;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PCI masking for anything that may reach a log line, an exception message or {@code toString()}.
 * PANs and tokens keep first 4 and last 4 digits; secrets (CVN2, JWE payloads, KYC data) are replaced entirely.
 */
public final class Masking {

    /** Members whose value is masked as a card number (first 4 + ******** + last 4). */
    private static final Set<String> CARD_NUMBER_FIELDS = Set.of("pan", "token", "accountno", "trxtoken");
    /** Members whose value is never shown. */
    private static final Set<String> SECRET_FIELDS = Set.of(
            "cvn2", "cvv", "cvv2", "expirydate", "cvminfo", "accountinfo", "debitaccountinfo", "creditaccountinfo",
            "idno", "firstname", "midname", "lastname", "fullname", "mobileno", "datacontent", "signingkey",
            "encryptionkey", "privatekey", "emvcpqrcpayload", "mpqrcpayload");
    private static final Pattern LONG_DIGITS = Pattern.compile("(?<!\\d)(\\d{4})(\\d{5,11})(\\d{4})(?!\\d)");

    private Masking() {}

    /** {@code 6233********0060}: the {@code maskedPan} format of protocol.md §5.2. Short input is fully starred. */
    public static String pan(String pan) {
        if (pan == null) {
            return null;
        }
        if (pan.length() < 12) {
            return "*".repeat(pan.length());
        }
        return pan.substring(0, 4) + "********" + pan.substring(pan.length() - 4);
    }

    /** Masks one member's value according to its name; nested objects mask themselves. */
    public static Object maskValue(String name, Object value) {
        if (value == null) {
            return null;
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (SECRET_FIELDS.contains(key)) {
            return "***";
        }
        if (value instanceof String s) {
            return CARD_NUMBER_FIELDS.contains(key) ? pan(s) : digits(s);
        }
        if (value instanceof Number n) {
            // A client may send a PAN as a JSON number; it must not slip through because it is not a string.
            String text = n.toString();
            return CARD_NUMBER_FIELDS.contains(key) ? pan(text) : digits(text);
        }
        if (value instanceof List<?> list) {
            // Arrays of card data (e.g. barcode payloads) are masked element by element under the array's name.
            return list.stream().map(element -> maskValue(name, element)).toList();
        }
        return value;
    }

    /** Masks every run of 13 to 19 digits in free text (log messages, error reasons). */
    public static String digits(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = LONG_DIGITS.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        do {
            m.appendReplacement(sb, m.group(1) + "********" + m.group(3));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
