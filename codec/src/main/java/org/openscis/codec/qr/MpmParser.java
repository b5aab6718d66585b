package org.openscis.codec.qr;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openscis.codec.money.Currency;

/**
 * Strict EMVCo MPM parser (qr.md §10): checks run in the order listed there, and the first failure is returned as a
 * value. Thread-safe; never throws on any input.
 */
public final class MpmParser {

    static final int PFI = 0;
    static final int POI = 1;
    static final int ACCOUNT_FIRST = 2;
    static final int ACCOUNT_PRIMITIVE_LAST = 25;
    static final int UNIONPAY = 15;
    static final int ACCOUNT_TEMPLATE_FIRST = 26;
    static final int ACCOUNT_LAST = 51;
    static final int MCC = 52;
    static final int CURRENCY = 53;
    static final int AMOUNT = 54;
    static final int TIP = 55;
    static final int FEE_FIXED = 56;
    static final int FEE_PERCENT = 57;
    static final int COUNTRY = 58;
    static final int NAME = 59;
    static final int CITY = 60;
    static final int POSTAL = 61;
    static final int ADDITIONAL = 62;
    static final int CRC = 63;
    static final int LANGUAGE = 64;
    static final int RFU_FIRST = 65;
    static final int RFU_LAST = 79;
    static final int UNRESERVED_FIRST = 80;
    static final int UNRESERVED_LAST = 99;
    static final int GUI = 0;
    static final int ADDITIONAL_LABEL_LAST = 8;
    static final int CONSUMER_DATA = 9;
    static final int ADDITIONAL_TEMPLATES_FIRST = 50;

    static final int MAX_NAME_CHARS = 25;
    static final int MAX_CITY_CHARS = 15;
    static final int MAX_POSTAL_CHARS = 10;
    static final int MAX_AMOUNT_CHARS = 13;
    static final int MAX_PERCENT_CHARS = 5;
    static final int MAX_ADDITIONAL_CHARS = 25;
    static final int MAX_ALT_NAME_CHARS = 25;
    static final int MAX_ALT_CITY_CHARS = 15;
    static final int CRC_CHARS = 4;
    private static final int MAX_PERCENT_DECIMALS = 2;

    /** Warning: the CRC matched but was written in lower case (seen in real UnionPay codes; qr.md §6). */
    public static final String WARNING_CRC_LOWERCASE = "CRC_LOWERCASE";

    private static final int[] MANDATORY = {MCC, CURRENCY, COUNTRY, NAME, CITY};
    private static final int[] ANS_FIELDS = {AMOUNT, FEE_FIXED, FEE_PERCENT, NAME, CITY, POSTAL};
    private static final int NO_SUB_ID = -1;
    private static final List<String> NO_WARNINGS = List.of();
    private static final List<String> CRC_LOWERCASE = List.of(WARNING_CRC_LOWERCASE);

    private final MpmPolicy policy;

    public MpmParser(MpmPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Parses one payload; the result is {@link MpmResult.Parsed} or {@link MpmResult.Failed}, never an exception. */
    public MpmResult parse(String payload) {
        try {
            return parseChecked(payload);
        } catch (RuntimeException bug) {
            // A defect in a check must not turn a bad QR into an uncaught exception on a request thread.
            return new MpmResult.Failed(MpmError.TRUNCATED, "unparseable payload (" + bug.getClass().getSimpleName() + ")");
        }
    }

    private MpmResult parseChecked(String s) {
        if (s == null) {
            return fail(MpmError.EMPTY, "no payload");
        }
        int n = s.length();
        if (n == 0) {
            return fail(MpmError.TRUNCATED, "empty payload");
        }
        int max = policy.maxLengthChars();
        if (max > 0 && n > max && s.codePointCount(0, n) > max) {
            return fail(MpmError.PAYLOAD_TOO_LONG, "more than " + max + " characters");
        }
        MpmScan scan = new MpmScan();
        if (!scan.scan(s, 0, n)) {
            return fail(scan.error(), "root object at character index " + scan.errorAt());
        }
        if (scan.firstId() != PFI) {
            return fail(MpmError.PFI_NOT_FIRST, "first object is ID " + MpmText.id2(scan.firstId()));
        }
        if (scan.lastId() != CRC) {
            return fail(MpmError.CRC_NOT_LAST, "last object is ID " + MpmText.id2(scan.lastId()));
        }
        int crcStart = scan.lastStart();
        int crcEnd = scan.lastEnd();
        if (crcEnd - crcStart != CRC_CHARS || !MpmText.hex(s, crcStart, crcEnd)) {
            return fail(MpmError.CRC_FORMAT, "ID 63 is not 4 hex digits");
        }
        int computed = Crc16.ccittFalse(s, 0, crcStart);
        if (Integer.parseInt(s, crcStart, crcEnd, 16) != computed) {
            return fail(MpmError.CRC_MISMATCH, "ID 63 differs from the computed " + Crc16.hex(computed));
        }
        if (scan.duplicateId() >= 0) {
            return fail(MpmError.DUPLICATE_ID, "root ID " + MpmText.id2(scan.duplicateId()) + " repeated");
        }
        String[] v = new String[MpmScan.ID_COUNT];
        for (int id = 0; id < MpmScan.ID_COUNT; id++) {
            if (scan.has(id)) {
                v[id] = s.substring(scan.start(id), scan.end(id));
            }
        }
        MpmResult.Failed failed = checkFields(v);
        if (failed == null) {
            failed = checkTemplates(v, scan);
        }
        if (failed == null) {
            failed = checkUnionPay(v[UNIONPAY]);
        }
        if (failed != null) {
            return failed;
        }
        boolean lower = MpmText.hasLowerCase(s, crcStart, crcEnd);
        return new MpmResult.Parsed(new MpmPayload(s, v), lower ? CRC_LOWERCASE : NO_WARNINGS);
    }

    /** Steps 6-10 of qr.md §10. */
    private MpmResult.Failed checkFields(String[] v) {
        if (!"01".equals(v[PFI])) {
            return fail(MpmError.PFI_VALUE, "ID 00 is not 01");
        }
        if (v[POI] != null && !"11".equals(v[POI]) && !"12".equals(v[POI])) {
            return fail(MpmError.POI_VALUE, "ID 01 is not 11 or 12");
        }
        if (!anyAccount(v)) {
            return fail(MpmError.MISSING_MANDATORY, "no merchant account information (IDs 02-51)");
        }
        for (int id : MANDATORY) {
            if (v[id] == null) {
                return fail(MpmError.MISSING_MANDATORY, "ID " + id + " missing");
            }
        }
        if (!fixedDigits(v[MCC], 4)) {
            return fail(MpmError.MCC_FORMAT, "ID 52 is not 4 digits");
        }
        if (!fixedDigits(v[CURRENCY], 3)) {
            return fail(MpmError.CURRENCY_FORMAT, "ID 53 is not 3 digits");
        }
        if (!countryCode(v[COUNTRY])) {
            return fail(MpmError.COUNTRY_FORMAT, "ID 58 is not 2 upper-case letters");
        }
        MpmResult.Failed tooLong = longest(v, NAME, MAX_NAME_CHARS);
        tooLong = tooLong != null ? tooLong : longest(v, CITY, MAX_CITY_CHARS);
        tooLong = tooLong != null ? tooLong : longest(v, POSTAL, MAX_POSTAL_CHARS);
        tooLong = tooLong != null ? tooLong : longest(v, AMOUNT, MAX_AMOUNT_CHARS);
        tooLong = tooLong != null ? tooLong : longest(v, FEE_FIXED, MAX_AMOUNT_CHARS);
        tooLong = tooLong != null ? tooLong : longest(v, FEE_PERCENT, MAX_PERCENT_CHARS);
        if (tooLong != null) {
            return tooLong;
        }
        for (int id = ACCOUNT_FIRST; id <= ACCOUNT_PRIMITIVE_LAST; id++) {
            if (v[id] != null && !ans(v[id])) {
                return fail(MpmError.CHARSET, "ID " + MpmText.id2(id) + " outside the EMV common character set");
            }
        }
        for (int id : ANS_FIELDS) {
            if (v[id] != null && !ans(v[id])) {
                return fail(MpmError.CHARSET, "ID " + id + " outside the EMV common character set");
            }
        }
        MpmResult.Failed amount = amount(v[AMOUNT], AMOUNT, v[CURRENCY]);
        if (amount == null) {
            amount = amount(v[FEE_FIXED], FEE_FIXED, v[CURRENCY]);
        }
        return amount != null ? amount : tip(v);
    }

    private static boolean anyAccount(String[] v) {
        for (int id = ACCOUNT_FIRST; id <= ACCOUNT_LAST; id++) {
            if (v[id] != null) {
                return true;
            }
        }
        return false;
    }

    private MpmResult.Failed amount(String a, int id, String currency) {
        if (a == null) {
            return null;
        }
        int dot = a.indexOf('.');
        boolean syntax = !a.isEmpty() && a.charAt(0) >= '0' && a.charAt(0) <= '9'
                && (dot < 0 ? MpmText.digits(a, 0, a.length())
                            : MpmText.digits(a, 0, dot) && MpmText.digits(a, dot + 1, a.length()));
        if (!syntax) {
            return fail(MpmError.AMOUNT_FORMAT, "ID " + id + " is not digits with an optional decimal point");
        }
        if (allZero(a)) {
            return fail(MpmError.AMOUNT_ZERO, "ID " + id + " is zero");
        }
        if (policy.checkAmountDecimals() && dot >= 0) {
            Optional<Currency> ccy = Currency.byNumeric(currency);
            int decimals = a.length() - dot - 1;
            if (ccy.isPresent() && decimals > ccy.get().exponent()) {
                return fail(MpmError.AMOUNT_DECIMALS,
                        "ID " + id + " has more decimals than the currency exponent " + ccy.get().exponent());
            }
        }
        return null;
    }

    private static boolean allZero(String a) {
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** Step 10: the tip or convenience indicator and its fee objects (qr.md §2). */
    private static MpmResult.Failed tip(String[] v) {
        String indicator = v[TIP];
        boolean fixed = v[FEE_FIXED] != null;
        boolean percent = v[FEE_PERCENT] != null;
        if (indicator == null) {
            return fixed || percent ? fail(MpmError.CONVENIENCE_FEE_UNEXPECTED, "ID 56/57 without ID 55") : null;
        }
        switch (indicator) {
            case "01":
                return fixed || percent ? fail(MpmError.CONVENIENCE_FEE_UNEXPECTED, "ID 56/57 with ID 55=01") : null;
            case "02":
                if (!fixed) {
                    return fail(MpmError.CONVENIENCE_FEE_MISSING, "ID 55=02 without ID 56");
                }
                return percent ? fail(MpmError.CONVENIENCE_FEE_UNEXPECTED, "ID 57 with ID 55=02") : null;
            case "03":
                if (!percent) {
                    return fail(MpmError.CONVENIENCE_FEE_MISSING, "ID 55=03 without ID 57");
                }
                if (fixed) {
                    return fail(MpmError.CONVENIENCE_FEE_UNEXPECTED, "ID 56 with ID 55=03");
                }
                return percentage(v[FEE_PERCENT]) ? null
                        : fail(MpmError.PERCENTAGE_FORMAT, "ID 57 is not between 00.01 and 99.99");
            default:
                return fail(MpmError.TIP_INDICATOR_VALUE, "ID 55 is not 01, 02 or 03");
        }
    }

    /** 00.01 to 99.99, at most two decimals, digits and one optional point only. */
    private static boolean percentage(String p) {
        int dot = p.indexOf('.');
        int intEnd = dot < 0 ? p.length() : dot;
        if (intEnd == 0 || !MpmText.digits(p, 0, intEnd)) {
            return false;
        }
        if (dot >= 0 && (!MpmText.digits(p, dot + 1, p.length()) || p.length() - dot - 1 > MAX_PERCENT_DECIMALS)) {
            return false;
        }
        // Scaled to hundredths: at most 5 characters, so an int holds it.
        int hundredths = 0;
        for (int i = 0; i < intEnd; i++) {
            hundredths = hundredths * 10 + (p.charAt(i) - '0');
        }
        hundredths *= 100;
        if (dot >= 0) {
            int scale = 10;
            for (int i = dot + 1; i < p.length(); i++) {
                hundredths += (p.charAt(i) - '0') * scale;
                scale /= 10;
            }
        }
        return hundredths >= 1 && hundredths <= 9999;
    }

    /** Step 11: templates 26-51, 62, 64 and 80-99, in ascending ID order. */
    private static MpmResult.Failed checkTemplates(String[] v, MpmScan nested) {
        MpmScan sub = new MpmScan();
        for (int id = ACCOUNT_TEMPLATE_FIRST; id <= ACCOUNT_LAST; id++) {
            MpmResult.Failed f = guiTemplate(v[id], id, sub);
            if (f != null) {
                return f;
            }
        }
        MpmResult.Failed f = additional(v[ADDITIONAL], sub, nested);
        if (f == null) {
            f = language(v[LANGUAGE], sub);
        }
        for (int id = UNRESERVED_FIRST; f == null && id <= UNRESERVED_LAST; id++) {
            f = guiTemplate(v[id], id, sub);
        }
        return f;
    }

    private static MpmResult.Failed guiTemplate(String t, int id, MpmScan sub) {
        if (t == null) {
            return null;
        }
        MpmResult.Failed f = scanTemplate(t, 0, t.length(), sub, id, NO_SUB_ID);
        if (f == null && !sub.has(GUI)) {
            f = fail(MpmError.TEMPLATE_NO_GUI, where(id, NO_SUB_ID) + " has no sub-ID 00");
        }
        return f;
    }

    /** Scans a template value; {@code id}/{@code subId} only name the place in a failure's detail. */
    private static MpmResult.Failed scanTemplate(String s, int from, int to, MpmScan sub, int id, int subId) {
        if (!sub.scan(s, from, to)) {
            return fail(sub.error(), where(id, subId) + " object at character index " + sub.errorAt());
        }
        if (sub.duplicateId() >= 0) {
            return fail(MpmError.DUPLICATE_ID, where(id, subId) + " sub-ID " + MpmText.id2(sub.duplicateId()) + " repeated");
        }
        return null;
    }

    private static String where(int id, int subId) {
        return "ID " + MpmText.id2(id) + (subId == NO_SUB_ID ? "" : " sub-ID " + MpmText.id2(subId));
    }

    private static MpmResult.Failed additional(String t, MpmScan sub, MpmScan nested) {
        if (t == null) {
            return null;
        }
        MpmResult.Failed f = scanTemplate(t, 0, t.length(), sub, ADDITIONAL, NO_SUB_ID);
        if (f != null) {
            return f;
        }
        for (int id = 1; id <= ADDITIONAL_LABEL_LAST; id++) {
            if (!sub.has(id)) {
                continue;
            }
            if (MpmText.codePoints(t, sub.start(id), sub.end(id)) > MAX_ADDITIONAL_CHARS) {
                return fail(MpmError.TOO_LONG, "ID 62 sub-ID " + MpmText.id2(id) + " longer than 25");
            }
            if (!MpmText.ans(t, sub.start(id), sub.end(id))) {
                return fail(MpmError.CHARSET, "ID 62 sub-ID " + MpmText.id2(id) + " outside the EMV common character set");
            }
        }
        if (sub.has(CONSUMER_DATA) && !consumerDataRequest(t, sub.start(CONSUMER_DATA), sub.end(CONSUMER_DATA))) {
            return fail(MpmError.CONSUMER_DATA_REQUEST, "ID 62 sub-ID 09 is not 1-3 distinct letters of A, M, E");
        }
        for (int id = ADDITIONAL_TEMPLATES_FIRST; id <= UNRESERVED_LAST; id++) {
            if (!sub.has(id)) {
                continue;
            }
            f = scanTemplate(t, sub.start(id), sub.end(id), nested, ADDITIONAL, id);
            if (f == null && !nested.has(GUI)) {
                f = fail(MpmError.TEMPLATE_NO_GUI, where(ADDITIONAL, id) + " has no sub-ID 00");
            }
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static boolean consumerDataRequest(String t, int from, int to) {
        int seen = 0;
        for (int i = from; i < to; i++) {
            int bit = switch (t.charAt(i)) {
                case 'A' -> 1;
                case 'M' -> 2;
                case 'E' -> 4;
                default -> 0;
            };
            if (bit == 0 || (seen & bit) != 0) {
                return false;
            }
            seen |= bit;
        }
        return seen != 0;
    }

    private static MpmResult.Failed language(String t, MpmScan sub) {
        if (t == null) {
            return null;
        }
        MpmResult.Failed f = scanTemplate(t, 0, t.length(), sub, LANGUAGE, NO_SUB_ID);
        if (f != null) {
            return f;
        }
        if (!sub.has(0) || !sub.has(1)) {
            return fail(MpmError.LANGUAGE_TEMPLATE_MANDATORY, "ID 64 lacks sub-ID 00 or 01");
        }
        if (sub.end(0) - sub.start(0) != 2 || !letter(t.charAt(sub.start(0))) || !letter(t.charAt(sub.start(0) + 1))) {
            return fail(MpmError.LANGUAGE_FORMAT, "ID 64 sub-ID 00 is not 2 letters");
        }
        if (MpmText.codePoints(t, sub.start(1), sub.end(1)) > MAX_ALT_NAME_CHARS) {
            return fail(MpmError.TOO_LONG, "ID 64 sub-ID 01 longer than 25");
        }
        if (sub.has(2) && MpmText.codePoints(t, sub.start(2), sub.end(2)) > MAX_ALT_CITY_CHARS) {
            return fail(MpmError.TOO_LONG, "ID 64 sub-ID 02 longer than 15");
        }
        return null;
    }

    /** Step 12: ID 15 must split into acquirer IIN, forwarding IIN and merchant ID (qr.md §7.1). */
    private static MpmResult.Failed checkUnionPay(String id15) {
        if (id15 == null) {
            return null;
        }
        boolean ok = id15.length() == UnionPayAccount.ID15_CHARS
                && MpmText.digits(id15, 0, 2 * UnionPayAccount.IIN_CHARS);
        return ok ? null : fail(MpmError.UNIONPAY_15_FORMAT, "ID 15 is not 8-digit IIN + 8-digit IIN + 15-character MID");
    }

    private static boolean letter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean fixedDigits(String s, int chars) {
        return s.length() == chars && MpmText.digits(s, 0, chars);
    }

    private static boolean countryCode(String s) {
        return s.length() == 2 && s.charAt(0) >= 'A' && s.charAt(0) <= 'Z' && s.charAt(1) >= 'A' && s.charAt(1) <= 'Z';
    }

    private static boolean ans(String s) {
        return MpmText.ans(s, 0, s.length());
    }

    private static MpmResult.Failed longest(String[] v, int id, int maxChars) {
        String s = v[id];
        if (s == null || s.length() <= maxChars || MpmText.codePoints(s, 0, s.length()) <= maxChars) {
            return null;
        }
        return fail(MpmError.TOO_LONG, "ID " + id + " longer than " + maxChars + " characters");
    }

    private static MpmResult.Failed fail(MpmError error, String detail) {
        return new MpmResult.Failed(error, detail);
    }
}
