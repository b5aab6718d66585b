package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V2 on a database that V1 already holds data in: the live keys are backfilled, live duplicates left behind by the
 * race V2 closes do not make the migration fail (the oldest keeps the slot), and the constraints hold afterwards.
 */
class LiveUniquenessMigrationTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void backfillsLiveKeysAndToleratesExistingDuplicates(Backend backend) throws Exception {
        try (TestDatabases.Unmigrated empty = TestDatabases.openUnmigrated(backend)) {
            flyway(empty.url()).target("1").load().migrate();
            try (Connection c = DriverManager.getConnection(empty.url())) {
                insertCard(c, "old", "h-acct", "ACTIVE", 1);
                insertCard(c, "dup", "h-acct", "SUSPENDED", 2);
                insertCard(c, "gone", "h-acct", "DELETED", 0);
                insertCard(c, "other-product", "h-acct", "ACTIVE", 3);
                insertCard(c, "no-account", null, "ACTIVE", 4);
                insertToken(c, "t1", "old", "dev", "ACTIVE", 10);
                insertToken(c, "t2", "old", "dev", "SUSPENDED", 10);
                insertToken(c, "t3", "old", "dev", "DELETED", 5);
                insertToken(c, "t4", "old", "dev-2", "ACTIVE", 20);
            }

            flyway(empty.url()).load().migrate();

            try (Connection c = DriverManager.getConnection(empty.url())) {
                Map<String, String> cardKeys = keys(c, "SELECT card_id, live_account_hash FROM cards");
                assertThat(cardKeys).containsEntry("old", "h-acct").containsEntry("dup", null)
                        .containsEntry("gone", null).containsEntry("other-product", "h-acct")
                        .containsEntry("no-account", null);
                Map<String, String> tokenKeys = keys(c, "SELECT token, live_device_id FROM tokens");
                assertThat(tokenKeys).containsEntry("t1", "dev").containsEntry("t2", null)
                        .containsEntry("t3", null).containsEntry("t4", "dev-2");

                assertThatThrownBy(() -> insertToken(c, "t5", "old", "dev", "ACTIVE", 30, "dev"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(SqlErrors.isUniqueViolation(e)).isTrue());
                insertToken(c, "t6", "old", "dev-3", "ACTIVE", 30, "dev-3");
            }
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .failOnMissingLocations(true);
    }

    /** A V1 card row; the encrypted columns hold placeholder bytes (nothing decrypts them here). */
    private static void insertCard(Connection c, String cardId, String accountHash, String state, long createdAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO cards (card_id, pan_hash, pan_enc, expiry_enc,"
                + " issuer_iin, product_id, account_hash, card_type, card_face_id, state, created_at)"
                + " VALUES (?, ?, ?, ?, '62000001', ?, ?, 'Virtual Card', '100205', ?, ?)")) {
            s.setString(1, cardId);
            s.setString(2, "pan-" + cardId);
            s.setBytes(3, new byte[] {1});
            s.setBytes(4, new byte[] {2});
            s.setString(5, cardId.equals("other-product") ? "1004" : "1003");
            s.setString(6, accountHash);
            s.setString(7, state);
            s.setLong(8, createdAt);
            s.executeUpdate();
        }
    }

    private static void insertToken(Connection c, String token, String cardId, String device, String state,
            long createdAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO tokens (token, card_id, ins_id, device_id,"
                + " token_expiry, state, created_at, updated_at)"
                + " VALUES (?, ?, '39990061', ?, '290331235959', ?, ?, ?)")) {
            s.setString(1, token);
            s.setString(2, cardId);
            s.setString(3, device);
            s.setString(4, state);
            s.setLong(5, createdAt);
            s.setLong(6, createdAt);
            s.executeUpdate();
        }
    }

    /** A V2 token row, live key included, as the repository writes it. */
    private static void insertToken(Connection c, String token, String cardId, String device, String state,
            long createdAt, String liveDeviceId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO tokens (token, card_id, ins_id, device_id,"
                + " token_expiry, state, created_at, updated_at, live_device_id)"
                + " VALUES (?, ?, '39990061', ?, '290331235959', ?, ?, ?, ?)")) {
            s.setString(1, token);
            s.setString(2, cardId);
            s.setString(3, device);
            s.setString(4, state);
            s.setLong(5, createdAt);
            s.setLong(6, createdAt);
            s.setString(7, liveDeviceId);
            s.executeUpdate();
        }
    }

    private static Map<String, String> keys(Connection c, String sql) throws SQLException {
        Map<String, String> keys = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                keys.put(rs.getString(1), rs.getString(2));
            }
        }
        return keys;
    }
}
