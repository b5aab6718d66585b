package org.openscis.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A small fixed-seed run of {@link MoneyFaultInjectionIT}: 150 requests and one restart, to reproduce a failure
 * quickly ({@code -Dopenscis.faults.seed=N} runs another seed).
 */
class MoneyFaultInjectionTest {

    static final long DEFAULT_SEED = 20_261_125L;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aSmallRunSettlesEveryMovementExactlyOnce() throws Exception {
        long seed = Long.getLong(MoneyFaultInjectionIT.SEED_PROPERTY, DEFAULT_SEED);
        FaultRun.Report report = FaultRun.run(new FaultRun.Settings(seed, 150, 12, 8, 2, 1, false,
                Duration.ofSeconds(60)));
        assertThat(report.violations())
                .as("seed %d%n%s", report.seed(), report.summary())
                .isEmpty();
    }
}
