package org.openscis.connector.sim.bank;

import java.sql.SQLException;
import java.util.Set;

/** Classifies database errors that mean "another transaction got there first; run the message again". */
final class SqlErrors {

    /**
     * Unique violation (a concurrent claim of the same msgID, tombstone, token or KYC reference), deadlock or
     * serialization failure, H2's lock timeout and concurrent update.
     */
    private static final Set<String> RETRYABLE_STATES = Set.of("23505", "40001", "HYT00", "90131");

    private SqlErrors() {}

    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && RETRYABLE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
