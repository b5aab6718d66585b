package org.openscis.server.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboxSettingsTest {

    @Test
    void defaultsFollowDecisionsSection8() {
        OutboxSettings d = OutboxSettings.defaults();

        assertThat(d.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.maxBackoff()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.giveUpAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(d.lease()).isGreaterThan(d.callTimeout());
    }

    @Test
    void backoffDoublesFromOneSecondAndIsCappedAtTenMinutes() {
        OutboxSettings d = OutboxSettings.defaults();

        assertThat(IntStream.rangeClosed(1, 12).mapToObj(d::backoffAfter).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 600L, 600L);
        assertThat(d.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> d.backoffAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inconsistentSettingsAreRefusedNamingTheSetting() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new OutboxSettings(Duration.ZERO, 1, 1, s, s, s, s, s.multipliedBy(2)))
                .hasMessageContaining("pollInterval");
        assertThatThrownBy(() -> new OutboxSettings(s, 0, 1, s, s, s, s, s.multipliedBy(2)))
                .hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new OutboxSettings(s, 1, 0, s, s, s, s, s.multipliedBy(2)))
                .hasMessageContaining("maxConcurrent");
        assertThatThrownBy(() -> new OutboxSettings(s, 1, 1, s.multipliedBy(2), s, s, s, s.multipliedBy(2)))
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> new OutboxSettings(s, 1, 1, s, s, s, s, s))
                .hasMessageContaining("lease");
    }
}
