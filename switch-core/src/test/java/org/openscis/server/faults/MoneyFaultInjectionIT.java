package org.openscis.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault-injection run over loopback: 2,000 money movements, 24 at a time, against the real switch and its
 * embedded CBS simulator while the simulator delays, drops, leaves unanswered and refuses messages and the switch is
 * stopped and restarted twice mid-flight; then the {@link MoneyAudit} checks. The seed is printed first;
 * {@code -Dopenscis.faults.seed=N} replays a run, {@code -Dopenscis.faults.operations=N} changes its size.
 */
class MoneyFaultInjectionIT {

    static final String SEED_PROPERTY = "openscis.faults.seed";
    static final String OPERATIONS_PROPERTY = "openscis.faults.operations";

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void moneyMovesExactlyOnceThroughFaultsAndRestarts() throws Exception {
        FaultRun.Report report = FaultRun.run(new FaultRun.Settings(seed(), Integer.getInteger(OPERATIONS_PROPERTY,
                2_000), 24, 36, 4, 2, false, Duration.ofSeconds(90)));
        assertThat(report.violations())
                .as("seed %d (replay with -D%s=%d)%n%s", report.seed(), SEED_PROPERTY, report.seed(), report.summary())
                .isEmpty();
    }

    /** The seed of this run: the property's, else a fresh one. */
    static long seed() {
        Long fixed = Long.getLong(SEED_PROPERTY);
        return fixed != null ? fixed : new java.security.SecureRandom().nextLong();
    }
}
