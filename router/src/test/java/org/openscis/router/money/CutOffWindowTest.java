package org.openscis.router.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CutOffWindowTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @ParameterizedTest
    @CsvSource({
        "22:00, 23:00, 2025-06-15T21:59:59Z, false",
        "22:00, 23:00, 2025-06-15T22:00:00Z, true",
        "22:00, 23:00, 2025-06-15T22:59:59Z, true",
        "22:00, 23:00, 2025-06-15T23:00:00Z, false",
        // crossing midnight: 23:30 to 00:30
        "23:30, 00:30, 2025-06-15T23:29:59Z, false",
        "23:30, 00:30, 2025-06-15T23:30:00Z, true",
        "23:30, 00:30, 2025-06-16T00:00:00Z, true",
        "23:30, 00:30, 2025-06-16T00:29:59Z, true",
        "23:30, 00:30, 2025-06-16T00:30:00Z, false",
        "23:30, 00:30, 2025-06-15T12:00:00Z, false",
        // start = end is no window
        "10:00, 10:00, 2025-06-15T10:00:00Z, false"})
    void containsTheStartButNotTheEnd(LocalTime start, LocalTime end, Instant at, boolean inside) {
        assertThat(new CutOffWindow(start, end, UTC).contains(at)).isEqualTo(inside);
    }

    @ParameterizedTest
    @CsvSource({"2025-06-15T15:59:59Z, false", "2025-06-15T16:00:00Z, true", "2025-06-15T16:59:59Z, true",
        "2025-06-15T17:00:00Z, false"})
    void isReadInTheConfiguredZone(Instant at, boolean inside) {
        // 00:00-01:00 in Shanghai (UTC+8) is 16:00-17:00 UTC
        CutOffWindow window = new CutOffWindow(LocalTime.MIDNIGHT, LocalTime.of(1, 0), ZoneId.of("Asia/Shanghai"));
        assertThat(window.contains(at)).isEqualTo(inside);
    }

    @ParameterizedTest
    @CsvSource(value = {"null, 01:00", "01:00, null", "null, null"}, nullValues = "null")
    void anUnsetBoundMeansNoWindow(LocalTime start, LocalTime end) {
        assertThat(new CutOffWindow(start, end, UTC).contains(Instant.parse("2025-06-15T00:30:00Z"))).isFalse();
    }
}
