package org.openscis.server.cli;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/** Applies {@code observability.logLevel} to the {@code org.openscis} loggers when Logback is the SLF4J backend. */
final class LogLevels {

    private LogLevels() {}

    static void apply(String level) {
        if (LoggerFactory.getLogger("org.openscis") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(Level.toLevel(level, Level.INFO));
        }
    }
}
