package org.openscis.server.system;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** QRC_GENERATION on PostgreSQL (the server {@code bin/test} starts; skipped without one). */
@EnabledIfEnvironmentVariable(named = RunningSwitch.PG_URL_VARIABLE, matches = ".+")
class CpqrSystemPostgresIT extends CpqrSystemTests {

    @Override
    boolean postgres() {
        return true;
    }
}
