package org.openscis.server.system;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The money flows on PostgreSQL (the server {@code bin/test} starts; skipped without one). */
@EnabledIfEnvironmentVariable(named = RunningSwitch.PG_URL_VARIABLE, matches = ".+")
class MoneySystemPostgresIT extends MoneySystemTests {

    @Override
    boolean postgres() {
        return true;
    }
}
