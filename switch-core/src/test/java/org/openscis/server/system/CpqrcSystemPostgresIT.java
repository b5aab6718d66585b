package org.openscis.server.system;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Consumer-presented QR payments on PostgreSQL (the server {@code bin/test} starts; skipped without one). */
@EnabledIfEnvironmentVariable(named = RunningSwitch.PG_URL_VARIABLE, matches = ".+")
class CpqrcSystemPostgresIT extends CpqrcSystemTests {

    @Override
    boolean postgres() {
        return true;
    }
}
