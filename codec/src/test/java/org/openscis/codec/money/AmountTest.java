package org.openscis.codec.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountTest {

    private static final Currency CNY = Currency.byNumeric("156").orElseThrow();
    private static final Currency JPY = Currency.byNumeric("392").orElseThrow();
    private static final Currency BHD = Currency.byNumeric("048").orElseThrow();
    private static final Currency CLF = Currency.byNumeric("990").orElseThrow();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "1.00, 156, 100", "9.37, 840, 937", "1, 156, 100", "20, 156, 2000", "0.28, 840, 28", "9.3, 840, 930",
        "0.01, 156, 1", "007.50, 156, 750", "1234567890.12, 156, 123456789012", "9999999999999, 156, 999999999999900",
        "100, 392, 100", "1.234, 048, 1234", "1.2, 048, 1200", "0.0001, 990, 1", "9999999999999, 990, 99999999999990000",
    })
    void parsesWireAmounts(String text, String currency, long minor) {
        Currency c = Currency.byNumeric(currency).orElseThrow();

        assertThat(Amount.parse(text, c)).isEqualTo(new AmountParse.Ok(new Amount(minor, c)));
    }

    @ParameterizedTest(name = "''{0}'' {1}")
    @CsvSource(delimiter = '|', value = {
        "''               | 156 | is missing",
        "12345678901.12   | 156 | must be at most 13 characters",
        "00000000000001   | 156 | must be at most 13 characters",
        "-1.00            | 156 | must not be negative",
        "+1.00            | 156 | must be a decimal number such as 12.34",
        "1e2              | 156 | must be a decimal number such as 12.34",
        "1.0.0            | 156 | must be a decimal number such as 12.34",
        ".50              | 156 | must be a decimal number such as 12.34",
        "1.               | 156 | must be a decimal number such as 12.34",
        "100.             | 392 | must be a decimal number such as 12.34",
        "1,00             | 156 | must be a decimal number such as 12.34",
        "' 1'             | 156 | must be a decimal number such as 12.34",
        "'1 '             | 156 | must be a decimal number such as 12.34",
        "١                | 156 | must be a decimal number such as 12.34",
        "NaN              | 156 | must be a decimal number such as 12.34",
        "1.001            | 156 | must have at most 2 decimals in CNY",
        "100.5            | 392 | must have no decimals in JPY",
        "100.0            | 392 | must have no decimals in JPY",
        "1.2345           | 048 | must have at most 3 decimals in BHD",
        "0                | 156 | must be greater than zero",
        "0.00             | 156 | must be greater than zero",
        "000              | 392 | must be greater than zero",
    })
    void refusesInvalidAmounts(String text, String currency, String reason) {
        Currency c = Currency.byNumeric(currency).orElseThrow();

        assertThat(Amount.parse(text, c)).isEqualTo(new AmountParse.Invalid(reason));
    }

    @Test
    void nullTextOrCurrency() {
        assertThat(Amount.parse(null, CNY)).isEqualTo(new AmountParse.Invalid("is missing"));
        assertThat(Amount.parse("1.00", null)).isEqualTo(new AmountParse.Invalid("has no currency"));
    }

    @Test
    void zeroIsAllowedForBalances() {
        assertThat(Amount.parseAllowZero("0.00", CNY)).isEqualTo(new AmountParse.Ok(new Amount(0, CNY)));
        assertThat(Amount.parseAllowZero("0", JPY)).isEqualTo(new AmountParse.Ok(new Amount(0, JPY)));
        assertThat(Amount.parseAllowZero("73.00", CNY)).isEqualTo(new AmountParse.Ok(new Amount(7300, CNY)));
        assertThat(Amount.parseAllowZero("-0", CNY)).isInstanceOf(AmountParse.Invalid.class);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "7300, 156, 73.00", "1, 156, 0.01", "0, 156, 0.00", "10, 156, 0.10", "123456789012, 156, 1234567890.12",
        "100, 392, 100", "0, 392, 0", "1, 048, 0.001", "1234, 048, 1.234", "1, 990, 0.0001", "-5, 156, -0.05",
        "-12345, 156, -123.45", "9223372036854775807, 156, 92233720368547758.07",
        "-9223372036854775808, 156, -92233720368547758.08",
    })
    void formatsWithExactlyTheExponentInDecimals(long minor, String currency, String wire) {
        assertThat(new Amount(minor, Currency.byNumeric(currency).orElseThrow()).toWire()).isEqualTo(wire);
    }

    @Test
    void exponentZeroTakesNoDecimalPointAtAll() {
        assertThat(Amount.parse("100", JPY)).isEqualTo(new AmountParse.Ok(new Amount(100, JPY)));
        assertThat(new Amount(100, JPY).toWire()).isEqualTo("100");
        assertThat(Amount.parse("1.0000", CLF)).isEqualTo(new AmountParse.Ok(new Amount(10000, CLF)));
        assertThat(Amount.parse("1.000", BHD)).isEqualTo(new AmountParse.Ok(new Amount(1000, BHD)));
    }
}
