package org.openscis.connector.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openscis.connector.link.CircuitBreaker.Admission;
import org.openscis.connector.link.CircuitBreaker.State;

class CircuitBreakerTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10));

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            breaker.onFailure(T0);
        }
    }

    @Test
    void staysClosedBelowTheThresholdAndASuccessResetsTheCount() {
        fail(2);
        breaker.onSuccess();
        fail(2);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.admit(T0)).isEqualTo(Admission.ALLOW);
    }

    @Test
    void opensAtTheThresholdAndRefusesUntilOpenForHasPassed() {
        fail(2);
        assertThat(breaker.onFailure(T0)).isTrue();

        assertThat(breaker.admit(T0.plusSeconds(9))).isEqualTo(Admission.REJECT);
        assertThat(breaker.openUntil()).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void halfOpenLetsExactlyOneProbeThrough() {
        fail(3);

        assertThat(breaker.admit(T0.plusSeconds(10))).isEqualTo(Admission.PROBE);
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.admit(T0.plusSeconds(10))).isEqualTo(Admission.REJECT);
    }

    @Test
    void aSuccessfulProbeClosesTheCircuit() {
        fail(3);
        breaker.admit(T0.plusSeconds(10));

        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.admit(T0.plusSeconds(10))).isEqualTo(Admission.ALLOW);
    }

    @Test
    void aFailedProbeOpensItForAnotherPeriod() {
        fail(3);
        Instant probeAt = T0.plusSeconds(10);
        breaker.admit(probeAt);

        assertThat(breaker.onFailure(probeAt.plusSeconds(1))).isTrue();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.admit(probeAt.plusSeconds(10))).isEqualTo(Admission.REJECT);
        assertThat(breaker.admit(probeAt.plusSeconds(11))).isEqualTo(Admission.PROBE);
    }

    @Test
    void anAbandonedProbeLetsTheNextCallProbe() {
        fail(3);
        breaker.admit(T0.plusSeconds(10));

        breaker.onProbeAbandoned();

        assertThat(breaker.admit(T0.plusSeconds(10))).isEqualTo(Admission.PROBE);
    }

    @Test
    void failuresWhileOpenDoNotExtendIt() {
        fail(3);

        assertThat(breaker.onFailure(T0.plusSeconds(5))).isFalse();

        assertThat(breaker.openUntil()).isEqualTo(T0.plusSeconds(10));
    }
}
