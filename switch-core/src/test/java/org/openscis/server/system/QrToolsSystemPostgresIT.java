package org.openscis.server.system;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The QR tools against the switch on PostgreSQL (the server {@code bin/test} starts; skipped without one). */
@EnabledIfEnvironmentVariable(named = RunningSwitch.PG_URL_VARIABLE, matches = ".+")
class QrToolsSystemPostgresIT extends QrToolsSystemTests {

    @Override
    boolean postgres() {
        return true;
    }
}
