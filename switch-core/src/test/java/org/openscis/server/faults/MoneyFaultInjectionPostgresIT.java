package org.openscis.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link MoneyFaultInjectionIT} with the switch on PostgreSQL (the server {@code bin/test} starts; skipped without
 * one), smaller: 400 requests and two restarts. The simulator keeps its own H2 ledger.
 */
@EnabledIfEnvironmentVariable(named = FaultySwitch.PG_URL_VARIABLE, matches = ".+")
class MoneyFaultInjectionPostgresIT {

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void moneyMovesExactlyOnceOnPostgresql() throws Exception {
        FaultRun.Report report = FaultRun.run(new FaultRun.Settings(MoneyFaultInjectionIT.seed(), 400, 16, 16, 2, 2,
                true, Duration.ofSeconds(90)));
        assertThat(report.violations())
                .as("seed %d (replay with -D%s=%d)%n%s", report.seed(), MoneyFaultInjectionIT.SEED_PROPERTY,
                        report.seed(), report.summary())
                .isEmpty();
    }
}
