package org.openscis.codec.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "79927398713", "4111111111111111", "5555555555554444", "378282246310005", "6011111111111117",
        "3530111333300000", "6200000000000005", "6250941006528599", "18", "00",
    })
    void knownValidNumbers(String number) {
        assertThat(Luhn.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "79927398710", "4111111111111112", "6200000000000006", "0", "", "7992739871a", "4111 1111 1111 1111",
        "-79927398713",
    })
    void invalidNumbers(String number) {
        assertThat(Luhn.isValid(number)).isFalse();
    }

    @Test
    void nullIsInvalid() {
        assertThat(Luhn.isValid(null)).isFalse();
    }

    @Test
    void checkDigitOfKnownPayloads() {
        assertThat(Luhn.checkDigit("7992739871")).isEqualTo(3);
        assertThat(Luhn.checkDigit("411111111111111")).isEqualTo(1);
        assertThat(Luhn.checkDigit("620000000000000")).isEqualTo(5);
        assertThat(Luhn.withCheckDigit("7992739871")).isEqualTo("79927398713");
    }

    @Test
    void checkDigitRequiresDigits() {
        assertThatThrownBy(() -> Luhn.checkDigit("12a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allDigits() {
        assertThat(Luhn.allDigits("0123456789")).isTrue();
        assertThat(Luhn.allDigits("")).isFalse();
        assertThat(Luhn.allDigits("12 3")).isFalse();
    }

    @Property(tries = 500)
    void appendingTheCheckDigitGivesAValidNumber(@ForAll("payloads") String payload) {
        assertThat(Luhn.isValid(Luhn.withCheckDigit(payload))).isTrue();
    }

    @Property(tries = 500)
    void changingAnyOneDigitMakesItInvalid(@ForAll("payloads") String payload, @ForAll @IntRange(min = 0, max = 99)
            int position, @ForAll @IntRange(min = 1, max = 9) int delta) {
        char[] number = Luhn.withCheckDigit(payload).toCharArray();
        int i = position % number.length;
        number[i] = (char) ('0' + (number[i] - '0' + delta) % 10);

        assertThat(Luhn.isValid(new String(number))).isFalse();
    }

    @Provide
    Arbitrary<String> payloads() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(18);
    }
}
