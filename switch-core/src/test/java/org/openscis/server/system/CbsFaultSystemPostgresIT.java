package org.openscis.server.system;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** CBS faults on PostgreSQL (the server {@code bin/test} starts; skipped without one). */
@EnabledIfEnvironmentVariable(named = RunningSwitch.PG_URL_VARIABLE, matches = ".+")
class CbsFaultSystemPostgresIT extends CbsFaultSystemTests {

    @Override
    boolean postgres() {
        return true;
    }
}
