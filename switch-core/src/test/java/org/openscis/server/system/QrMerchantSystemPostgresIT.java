package org.openscis.server.system;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The merchant-presented QR flows on PostgreSQL (the server {@code bin/test} starts; skipped without one). */
@EnabledIfEnvironmentVariable(named = RunningSwitch.PG_URL_VARIABLE, matches = ".+")
class QrMerchantSystemPostgresIT extends QrMerchantSystemTests {

    @Override
    boolean postgres() {
        return true;
    }
}
