package org.openscis.connector.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void doublesFromTheMinimumUpToTheMaximum() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofMillis(3200));
        assertThat(backoff.delay(7)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(1000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void isActiveUntilTheDelayHasPassedAfterAFailure() {
        assertThat(backoff.active(T0)).isFalse();
        backoff.onFailure(T0);
        backoff.onFailure(T0);

        assertThat(backoff.active(T0.plusMillis(199))).isTrue();
        assertThat(backoff.remaining(T0.plusMillis(150))).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.active(T0.plusMillis(200))).isFalse();
    }

    @Test
    void aSuccessfulConnectResetsIt() {
        backoff.onFailure(T0);
        backoff.onFailure(T0);

        backoff.reset();

        assertThat(backoff.active(T0)).isFalse();
        backoff.onFailure(T0);
        assertThat(backoff.remaining(T0)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aHugeMinimumDoesNotOverflow() {
        ReconnectBackoff huge = new ReconnectBackoff(Duration.ofDays(365 * 100), Duration.ofDays(365 * 200));

        assertThat(huge.delay(40)).isEqualTo(Duration.ofDays(365 * 200));
    }
}
