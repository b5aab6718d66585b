package org.openscis.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openscis.server.config.StorageConfig;

/** Configuration handling that does not depend on the backend. */
class H2DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void inMemoryDatabasesAreMigratedAndIndependent() {
        try (Database a = Database.openH2InMemory("mem_a"); Database b = Database.openH2InMemory("mem_b")) {
            a.dsl().execute("INSERT INTO sequences (name, next_value) VALUES ('x', 1)");
            assertThat(a.dsl().fetchCount(DSL.table(DSL.name("sequences")))).isEqualTo(1);
            assertThat(b.dsl().fetchCount(DSL.table(DSL.name("sequences")))).isZero();
            assertThat(a.healthy()).isTrue();
            assertThat(a.describe()).contains("H2 in-memory mem_a");
        }
    }

    @Test
    void inMemoryDatabaseIsDroppedOnClose() {
        try (Database a = Database.openH2InMemory("mem_drop")) {
            a.dsl().execute("INSERT INTO sequences (name, next_value) VALUES ('x', 1)");
        }
        try (Database again = Database.openH2InMemory("mem_drop")) {
            assertThat(again.dsl().fetchCount(DSL.table(DSL.name("sequences")))).isZero();
        }
    }

    @Test
    void rejectsUnsafeInMemoryNames() {
        assertThatThrownBy(() -> Database.openH2InMemory("x;INIT=RUNSCRIPT FROM 'evil'"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void h2FileLivesUnderTheDataDirectoryWithOrWithoutSuffix() {
        try (Database db = Database.open(new StorageConfig("h2", "state/switch.mv.db", null, null, null, 2), dir)) {
            assertThat(db.describe()).contains(dir.resolve("state/switch.mv.db").toAbsolutePath().toString());
        }
        assertThat(Files.exists(dir.resolve("state/switch.mv.db"))).isTrue();
    }

    @Test
    void kindIsCaseInsensitiveAndValidated() {
        try (Database db = Database.open(new StorageConfig("H2", "a", null, null, null, 1), dir)) {
            assertThat(db.kind()).isEqualTo(Database.Kind.H2);
        }
        assertThatThrownBy(() -> Database.open(new StorageConfig("mysql", "a", null, null, null, 1), dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mysql");
        assertThatThrownBy(() -> Database.open(new StorageConfig("postgresql", null, " ", null, null, 1), dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storage.url");
        assertThatThrownBy(() -> Database.open(new StorageConfig("h2", null, null, null, null, 1), dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("storage.h2File");
    }

    @Test
    void redactsQueryAndUserInfo() {
        assertThat(Database.redact("jdbc:postgresql://db:5432/scis?user=u&password=secret"))
                .isEqualTo("jdbc:postgresql://db:5432/scis");
        assertThat(Database.redact("jdbc:postgresql://u:secret@db/scis")).isEqualTo("jdbc:postgresql://db/scis");
    }

    @Test
    void unreachablePostgresFailsFastWithoutLeakingThePassword() {
        StorageConfig cfg = new StorageConfig("postgresql", null, "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1",
                "u", "s3cret-pw", 1);
        assertThatThrownBy(() -> Database.open(cfg, dir))
                .isInstanceOf(RuntimeException.class)
                .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain("s3cret-pw"));
    }
}
