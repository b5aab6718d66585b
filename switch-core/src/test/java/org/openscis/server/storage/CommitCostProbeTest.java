package org.openscis.server.storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openscis.server.config.StorageConfig;
class CommitCostProbeTest {
    @Test void probe() throws Exception {
        Path dir = Files.createTempDirectory("probe");
        try (Database db = Database.open(new StorageConfig("h2", dir.resolve("p").toString(), null, null, null, 4), dir)) {
            JdbcReplayGuard g = new JdbcReplayGuard(db, Clock.systemUTC());
            for (int i = 0; i < 300; i++) g.firstSeen("a", "w" + i, Instant.now().plusSeconds(60));
            long t = System.nanoTime();
            for (int i = 0; i < 1000; i++) g.firstSeen("a", "u" + i, Instant.now().plusSeconds(60));
            System.err.println("PROBE commit us/op: " + (System.nanoTime() - t) / 1000 / 1000);
        }
    }
}
