package org.openscis.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Collects the card data a suite handles (PANs, account numbers, ID numbers) and, at the end, checks that none of it
 * appears in clear in any log line (captured at DEBUG) or in the switch's tables.
 */
final class ClearTextWatch {

    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]+");

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** Starts capturing every log event, the switch's at DEBUG. */
    void start() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        ((Logger) LoggerFactory.getLogger("org.openscis")).setLevel(Level.DEBUG);
    }

    /** Remembers a value that must never be written in clear; returns it. */
    String secret(String value) {
        secrets.add(value);
        return value;
    }

    /** Asserts that no remembered value appears in the logs or in {@code tables}. */
    void assertNoneInClear(RunningSwitch sw, String... tables) throws Exception {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent e : logs.list) {
            all.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                all.append(e.getThrowableProxy().getMessage()).append('\n');
            }
        }
        String logText = all.toString();
        String db = databaseText(sw, tables);
        assertThat(secrets).isNotEmpty();
        Set<String> logNumbers = numbers(logText);
        Set<String> dbNumbers = numbers(db);
        for (String secret : secrets) {
            if (DIGIT_RUN.matcher(secret).matches()) {
                // a number inside a longer one (a reference, an id) is not that number: the seeded account numbers
                // are regular enough to occur inside switch-made references by chance
                assertThat(logNumbers).as("numbers in the logs").doesNotContain(secret);
                assertThat(dbNumbers).as("numbers in the database").doesNotContain(secret);
            } else {
                assertThat(logText).as("logs").doesNotContain(secret);
                assertThat(db).as("database").doesNotContain(secret);
            }
        }
    }

    /** Every maximal run of digits in {@code text}. */
    private static Set<String> numbers(CharSequence text) {
        Set<String> found = new HashSet<>();
        Matcher m = DIGIT_RUN.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** Stops capturing. */
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        ((Logger) LoggerFactory.getLogger("org.openscis")).setLevel(null);
        logs.stop();
    }

    private static String databaseText(RunningSwitch sw, String... tables) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = sw.server.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            sb.append(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : v);
                            sb.append('|');
                        }
                    }
                }
            }
        }
        return sb.toString();
    }
}
