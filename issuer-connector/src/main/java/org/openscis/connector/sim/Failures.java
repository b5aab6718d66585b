package org.openscis.connector.sim;

import java.sql.SQLException;

/**
 * Describes an unexpected failure for a log line without its message: database messages quote key values (account
 * numbers, tokens), which must not reach logs in clear. The type and SQLState are enough to start looking.
 */
final class Failures {

    private Failures() {}

    static String describe(Throwable failure) {
        StringBuilder sb = new StringBuilder(failure.getClass().getName());
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                sb.append(" (SQLState ").append(sql.getSQLState()).append(')');
                break;
            }
        }
        return sb.toString();
    }
}
