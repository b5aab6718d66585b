package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardExpiryTest {

    @Test
    void readsYymmAndMmSlashYy() {
        assertThat(CardExpiry.parseYymm("2809")).contains(YearMonth.of(2028, 9));
        assertThat(CardExpiry.parseMmSlashYy("09/28")).contains(YearMonth.of(2028, 9));
        assertThat(CardExpiry.parseEntered("2809")).contains(YearMonth.of(2028, 9));
        assertThat(CardExpiry.parseEntered("09/28")).contains(YearMonth.of(2028, 9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "280", "28091", "2813", "2800", "28a9", "9/28", "09-28", "13/28", "00/28", "0a/28"})
    void rejectsAnythingElse(String value) {
        assertThat(CardExpiry.parseEntered(value)).isEmpty();
    }

    @Test
    void nullIsEmptyNotAnException() {
        assertThat(CardExpiry.parseEntered(null)).isEmpty();
    }

    @Test
    void tokenExpiryIsTheLastSecondOfTheMonth() {
        assertThat(CardExpiry.tokenExpiry(YearMonth.of(2028, 9))).isEqualTo("280930235959");
        assertThat(CardExpiry.tokenExpiry(YearMonth.of(2028, 2))).isEqualTo("280229235959");
        assertThat(CardExpiry.tokenExpiry(YearMonth.of(2027, 2))).isEqualTo("270228235959");
        assertThat(CardExpiry.tokenExpiry(YearMonth.of(2030, 12))).isEqualTo("301231235959");
        assertThat(CardExpiry.yymm(YearMonth.of(2031, 1))).isEqualTo("3101");
    }
}
