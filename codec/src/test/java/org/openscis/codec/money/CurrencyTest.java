package org.openscis.codec.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurrencyTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "156, CNY, 2", "344, HKD, 2", "840, USD, 2", "702, SGD, 2", "458, MYR, 2", "446, MOP, 2", "392, JPY, 0",
        "410, KRW, 0", "048, BHD, 3", "414, KWD, 3", "986, BRL, 2", "978, EUR, 2", "704, VND, 0", "360, IDR, 2",
        "764, THB, 2", "608, PHP, 2", "356, INR, 2", "643, RUB, 2", "036, AUD, 2", "990, CLF, 4", "927, UYW, 4",
        "532, XCG, 2", "924, ZWG, 2", "925, SLE, 2", "929, MRU, 2", "930, STN, 2", "952, XOF, 0",
    })
    void knownCurrencies(String numeric, String alpha, int exponent) {
        assertThat(Currency.byNumeric(numeric)).contains(new Currency(numeric, alpha, exponent));
    }

    @ParameterizedTest
    @CsvSource({"999", "000", "959", "960", "191", "932", "48", "0048", "' 48'", "abc", "''", "1 56"})
    void unknownOrMalformedCodes(String numeric) {
        assertThat(Currency.byNumeric(numeric)).isEmpty();
    }

    @Test
    void nullIsUnknown() {
        assertThat(Currency.byNumeric(null)).isEmpty();
    }

    @Test
    void tableIsWellFormed() {
        Set<String> alphas = new HashSet<>();
        int count = 0;
        for (Currency c : Iso4217.all()) {
            count++;
            assertThat(c.numeric()).matches("[0-9]{3}");
            assertThat(c.alpha()).matches("[A-Z]{3}");
            assertThat(c.exponent()).isBetween(0, 4);
            assertThat(alphas.add(c.alpha())).as("alpha %s listed once", c.alpha()).isTrue();
            assertThat(Currency.byNumeric(c.numeric())).contains(c);
        }
        assertThat(count).isGreaterThan(150);
    }

    /**
     * The JDK table is only a cross-check (it varies by release and keeps withdrawn codes): every currency both know
     * must agree on numeric code and exponent, and the table may list only a few the JDK does not know yet.
     */
    @Test
    void agreesWithTheJdkWhereTheJdkKnowsTheCurrency() {
        Set<String> unknownToJdk = new HashSet<>();
        for (Currency c : Iso4217.all()) {
            java.util.Currency jdk;
            try {
                jdk = java.util.Currency.getInstance(c.alpha());
            } catch (IllegalArgumentException e) {
                unknownToJdk.add(c.alpha());
                continue;
            }
            assertThat(String.format("%03d", jdk.getNumericCode())).as(c.alpha()).isEqualTo(c.numeric());
            assertThat(jdk.getDefaultFractionDigits()).as(c.alpha()).isEqualTo(c.exponent());
        }
        assertThat(unknownToJdk).isSubsetOf("UYW", "XCG", "ZWG", "SLE", "VED");
    }
}
