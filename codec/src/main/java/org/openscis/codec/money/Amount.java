package org.openscis.codec.money;

/** An amount in minor units of a currency. Never a floating-point number. */
public record Amount(long minor, Currency currency) {

    /**
     * Parses a wire amount (decimal major units, at most 13 characters, no sign, at most the currency's exponent in
     * decimals, e.g. {@code "1"}, {@code "9.37"}). Zero, negative, malformed or too many decimals is an
     * {@link AmountParse.Invalid} (response code 13) whose reason names the rule, never the value. The exact syntax
     * (trailing {@code '.'} refused, leading zeros accepted) is described on {@link WireAmount}.
     */
    public static AmountParse parse(String text, Currency currency) {
        return WireAmount.parse(text, currency, false);
    }

    /** Like {@link #parse} but zero is allowed (balances). */
    public static AmountParse parseAllowZero(String text, Currency currency) {
        return WireAmount.parse(text, currency, true);
    }

    /**
     * The wire form with exactly the currency's exponent in decimals, e.g. {@code "73.00"}. It does not enforce the
     * 13-character wire limit; amounts that large never pass {@link #parse} in the first place.
     */
    public String toWire() {
        return WireAmount.format(minor, currency.exponent());
    }
}
