package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class DatabaseTest extends StorageTestBase {

    @Test
    void migrationsCreateEveryTable() {
        for (String table : TestDb.TABLES) {
            assertThat(db().dsl().fetchCount(DSL.table(DSL.name(table)))).as(table).isZero();
        }
    }

    @Test
    void flywayRecordsEveryVersion() throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = db().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                assertThat(rs.getBoolean(2)).as("version %s succeeded", rs.getString(1)).isTrue();
                versions.add(rs.getString(1));
            }
        }
        assertThat(versions).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    }

    @Test
    void reopeningMigratesNothingAndSeesTheData() {
        db().dsl().execute("INSERT INTO sequences (name, next_value) VALUES ('x', 5)");
        Database second = testDb.openAnother();
        assertThat(second.dsl().fetchValue("SELECT next_value FROM sequences WHERE name = 'x'")).isEqualTo(5L);
    }

    @Test
    void isHealthyWhileOpen() {
        assertThat(db().healthy()).isTrue();
    }

    @Test
    void closedDatabaseIsNotHealthy() {
        Database other = testDb.openAnother();
        other.close();
        other.close();
        assertThat(other.healthy()).isFalse();
    }

    @Test
    void describesWithoutCredentials() {
        String description = db().describe();
        assertThat(description).startsWith(testDb.backend() == Backend.H2 ? "H2 file " : "PostgreSQL jdbc:postgresql:");
        assertThat(description).doesNotContain("user=").doesNotContain("password");
        assertThat(db().kind().name()).isEqualTo(testDb.backend().name());
    }
}
