package org.openscis.codec.money;

/**
 * The wire syntax of amounts (decisions.md §5): decimal major units, digits with at most one {@code '.'} that has
 * digits on both sides, no sign, no exponent, no spaces, at most {@value #MAX_WIRE_CHARS} characters and at most the
 * currency's exponent in decimals. So {@code "100."} and {@code ".5"} are refused for every currency, and a currency
 * with exponent 0 takes no {@code '.'} at all. Leading zeros ({@code "007.50"}) are accepted: the value is
 * unambiguous and fixed-width senders produce them. Fewer decimals than the exponent are fine ({@code "9.3"} is 9.30).
 */
final class WireAmount {

    static final int MAX_WIRE_CHARS = 13;

    private WireAmount() {}

    static AmountParse parse(String text, Currency currency, boolean allowZero) {
        if (currency == null) {
            return invalid("has no currency");
        }
        if (text == null || text.isEmpty()) {
            return invalid("is missing");
        }
        if (text.length() > MAX_WIRE_CHARS) {
            return invalid("must be at most " + MAX_WIRE_CHARS + " characters");
        }
        if (text.charAt(0) == '-') {
            return invalid("must not be negative");
        }
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        if (!digits(whole) || (dot >= 0 && !digits(fraction))) {
            return invalid("must be a decimal number such as 12.34");
        }
        if (fraction.length() > currency.exponent()) {
            return invalid(currency.exponent() == 0
                    ? "must have no decimals in " + currency.alpha()
                    : "must have at most " + currency.exponent() + " decimals in " + currency.alpha());
        }
        long minor;
        try {
            long scale = pow10(currency.exponent());
            long fractionMinor = fraction.isEmpty() ? 0 : Long.parseLong(fraction)
                    * pow10(currency.exponent() - fraction.length());
            minor = Math.addExact(Math.multiplyExact(Long.parseLong(whole), scale), fractionMinor);
        } catch (ArithmeticException | NumberFormatException e) {
            return invalid("is too large");
        }
        if (minor == 0 && !allowZero) {
            return invalid("must be greater than zero");
        }
        return new AmountParse.Ok(new Amount(minor, currency));
    }

    /** {@code minor} with exactly {@code exponent} decimals; a negative amount gets a leading {@code '-'}. */
    static String format(long minor, int exponent) {
        String digits = Long.toString(minor);
        boolean negative = minor < 0;
        if (negative) {
            digits = digits.substring(1);
        }
        if (exponent > 0) {
            if (digits.length() <= exponent) {
                digits = "0".repeat(exponent + 1 - digits.length()) + digits;
            }
            int point = digits.length() - exponent;
            digits = digits.substring(0, point) + '.' + digits.substring(point);
        }
        return negative ? '-' + digits : digits;
    }

    private static boolean digits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static long pow10(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result = Math.multiplyExact(result, 10L);
        }
        return result;
    }

    private static AmountParse invalid(String reason) {
        return new AmountParse.Invalid(reason);
    }
}
