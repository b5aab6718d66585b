package org.openscis.codec.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest
    @CsvSource({
        "6233000000000060, 6233********0060",
        "6292610358444335641, 6292********5641",
        "123456789012, 1234********9012",
        "12345678901, ***********",
        "'', ''",
    })
    void panKeepsFirstFourAndLastFour(String pan, String masked) {
        assertThat(Masking.pan(pan)).isEqualTo(masked);
    }

    @Test
    void nullStaysNull() {
        assertThat(Masking.pan(null)).isNull();
        assertThat(Masking.digits(null)).isNull();
        assertThat(Masking.maskValue("pan", null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "card 6292610358444335641 declined | card 6292********5641 declined",
        "a=6233000000000060,b=6233000000000078 | a=6233********0060,b=6233********0078",
        "13 digits 1234567890123 | 13 digits 1234********0123",
        "12 digits 123456789012 kept | 12 digits 123456789012 kept",
        "20 digits 12345678901234567890 kept | 20 digits 12345678901234567890 kept",
        "no digits | no digits",
    })
    void digitsMasksRunsOfThirteenToNineteen(String text, String masked) {
        assertThat(Masking.digits(text)).isEqualTo(masked);
    }

    @Test
    void maskValueByName() {
        assertThat(Masking.maskValue("pan", "6233000000000060")).isEqualTo("6233********0060");
        assertThat(Masking.maskValue("Token", "6292610358444335641")).isEqualTo("6292********5641");
        assertThat(Masking.maskValue("trxToken", "123456789012345678")).isEqualTo("1234********5678");
        assertThat(Masking.maskValue("cvn2", "123")).isEqualTo("***");
        assertThat(Masking.maskValue("CVN2", 123)).isEqualTo("***");
        assertThat(Masking.maskValue("idNo", "1234567890")).isEqualTo("***");
        assertThat(Masking.maskValue("cvmInfo", "eyJhbGciOi")).isEqualTo("***");
        assertThat(Masking.maskValue("deviceID", "f7946ec3a68d9afb")).isEqualTo("f7946ec3a68d9afb");
        assertThat(Masking.maskValue("flag", Boolean.TRUE)).isEqualTo(Boolean.TRUE);
    }

    @Test
    void numbersAndArraysAreMaskedToo() {
        assertThat(Masking.maskValue("pan", new BigDecimal("6233000000000060"))).isEqualTo("6233********0060");
        assertThat(Masking.maskValue("userID", new BigDecimal("6292610358444335641"))).isEqualTo("6292********5641");
        assertThat(Masking.maskValue("amount", new BigDecimal("1.00"))).isEqualTo("1.00");
        assertThat(Masking.maskValue("barcodeCpqrcPayload", List.of("6236098835899996543", "x")))
                .isEqualTo(List.of("6236********6543", "x"));
        assertThat(Masking.maskValue("pan", Arrays.asList("6233000000000060", null)))
                .isEqualTo(Arrays.asList("6233********0060", null));
    }

    @Property(tries = 300)
    void noPanSurvivesInFreeText(@ForAll("digitRuns") String digits, @ForAll("words") String before,
                                 @ForAll("words") String after) {
        String masked = Masking.digits(before + " " + digits + " " + after);

        assertThat(masked).doesNotContain(digits);
        assertThat(masked).contains(digits.substring(0, 4) + "********" + digits.substring(digits.length() - 4));
    }

    @Provide
    Arbitrary<String> digitRuns() {
        return Arbitraries.integers().between(13, 19).flatMap(n -> Arbitraries.strings().numeric().ofLength(n));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().alpha().ofMaxLength(10);
    }

    @Test
    void qrPayloadsNeverShow() {
        // an EMV consumer QR carries the token in its track-2 data (tag 57), Base64-encoded
        assertThat(Masking.maskValue("emvCpqrcPayload", java.util.List.of("hQVDUFYwMWFYTwigAAADMwEBAVcTYpJhA1hE")))
                .isEqualTo("***");
        assertThat(Masking.maskValue("mpqrcPayload", "00020101021215312500034400020344")).isEqualTo("***");
    }
}
