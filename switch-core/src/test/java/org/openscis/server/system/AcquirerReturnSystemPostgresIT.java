package org.openscis.server.system;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** REFUND and CANCELLATION on PostgreSQL (the server {@code bin/test} starts; skipped without one). */
@EnabledIfEnvironmentVariable(named = RunningSwitch.PG_URL_VARIABLE, matches = ".+")
class AcquirerReturnSystemPostgresIT extends AcquirerReturnSystemTests {

    @Override
    boolean postgres() {
        return true;
    }
}
