package org.openscis.server.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every column of every row of the card-bearing tables (or the given ones), as text and as bytes, looking for
 * clear card data.
 * Findings name table, column and which secret, never the secret itself.
 */
final class ClearTextScan {

    private static final List<String> CARD_TABLES = List.of("cards", "tokens", "idempotency");

    private final List<String> findings = new ArrayList<>();
    private final Map<String, Integer> rows = new HashMap<>();

    ClearTextScan(Database db, String... secrets) throws SQLException {
        this(db, CARD_TABLES, secrets);
    }

    ClearTextScan(Database db, List<String> tables, String... secrets) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                int count = 0;
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        count++;
                        for (int col = 1; col <= md.getColumnCount(); col++) {
                            byte[] bytes = isBinary(md.getColumnType(col)) ? rs.getBytes(col) : null;
                            check(table, md.getColumnName(col), rs.getString(col), bytes, secrets);
                        }
                    }
                }
                rows.put(table, count);
            }
        }
    }

    private static boolean isBinary(int sqlType) {
        return sqlType == Types.BINARY || sqlType == Types.VARBINARY || sqlType == Types.LONGVARBINARY
                || sqlType == Types.BLOB;
    }

    private void check(String table, String column, String text, byte[] bytes, String[] secrets) {
        for (int i = 0; i < secrets.length; i++) {
            byte[] needle = secrets[i].getBytes(StandardCharsets.US_ASCII);
            if ((text != null && text.contains(secrets[i])) || (bytes != null && indexOf(bytes, needle) >= 0)) {
                findings.add(table + "." + column + " holds secret #" + i);
            }
        }
    }

    int rowsScanned(String table) {
        return rows.get(table);
    }

    List<String> findings() {
        return findings;
    }

    /** Which secrets (by index) appear anywhere in a file, as ASCII. */
    static List<Integer> fileContains(Path file, String... secrets) throws IOException {
        byte[] content = Files.readAllBytes(file);
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < secrets.length; i++) {
            if (indexOf(content, secrets[i].getBytes(StandardCharsets.US_ASCII)) >= 0) {
                found.add(i);
            }
        }
        return found;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
