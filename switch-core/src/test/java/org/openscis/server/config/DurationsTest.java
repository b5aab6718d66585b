package org.openscis.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms, 500", "8s, 8000", "10m, 600000", "48h, 172800000", "7d, 604800000", "0s, 0"})
    void parsesEveryUnit(String text, long millis) {
        assertThat(Durations.parse(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "300", "5 minutes", "-5s", "1.5s", "PT5M", "s", "10S", "10y"})
    void refusesAnythingElse(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"500ms", "8s", "10m", "48h", "168h", "90s", "1500ms"})
    void formatReadsBack(String text) {
        Duration duration = Durations.parse(text).orElseThrow();
        assertThat(Durations.format(duration)).isEqualTo(text);
    }
}
