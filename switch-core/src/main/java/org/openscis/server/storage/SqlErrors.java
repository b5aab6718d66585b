package org.openscis.server.storage;

import java.sql.SQLException;

/** Classifies database errors the adapters turn into values. */
final class SqlErrors {

    /** SQLSTATE of a unique or primary key violation; H2 and PostgreSQL both report it. */
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {}

    /** True if {@code e} or one of its causes is a unique/primary key violation. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
