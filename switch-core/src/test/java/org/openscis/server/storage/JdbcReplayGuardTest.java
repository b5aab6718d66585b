package org.openscis.server.storage;

import org.openscis.testing.Race;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcReplayGuardTest extends StorageTestBase {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String UUID = "2b1f0c7e-8d4a-4a55-9a43-5f3e1c2d7b90";

    private MutableClock clock;
    private JdbcReplayGuard guard;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        guard = new JdbcReplayGuard(db(), clock);
    }

    @Test
    void aUuidIsNewOnceWithinItsWindow() {
        assertThat(guard.firstSeen("39990061", UUID, T0.plus(WINDOW))).isTrue();
        assertThat(guard.firstSeen("39990061", UUID, T0.plus(WINDOW))).isFalse();
        clock.advance(WINDOW.minusMillis(1));
        assertThat(guard.firstSeen("39990061", UUID, clock.instant().plus(WINDOW))).isFalse();
    }

    @Test
    void uuidsArePerParticipant() {
        assertThat(guard.firstSeen("39990061", UUID, T0.plus(WINDOW))).isTrue();
        assertThat(guard.firstSeen("39990062", UUID, T0.plus(WINDOW))).isTrue();
    }

    @Test
    void anExpiredEntryIsReplacedAndGuardsTheNewWindow() {
        guard.firstSeen("39990061", UUID, T0.plus(WINDOW));
        clock.advance(WINDOW);

        assertThat(guard.firstSeen("39990061", UUID, clock.instant().plus(WINDOW))).isTrue();
        assertThat(guard.firstSeen("39990061", UUID, clock.instant().plus(WINDOW))).isFalse();
    }

    @Test
    void purgeForgetsExpiredEntriesOnly() {
        guard.firstSeen("39990061", "a", T0.plus(WINDOW));
        guard.firstSeen("39990061", "b", T0.plus(WINDOW).plusSeconds(1));

        assertThat(guard.purgeExpired(T0.plus(WINDOW))).isEqualTo(1);

        assertThat(guard.firstSeen("39990061", "a", T0.plus(WINDOW).plus(WINDOW))).isTrue();
        assertThat(guard.firstSeen("39990061", "b", T0.plus(WINDOW).plus(WINDOW))).isFalse();
    }

    @Test
    void concurrentFirstSightingsHaveOneWinner() throws Exception {
        for (int round = 0; round < 10; round++) {
            String uuid = UUID + round;
            List<Boolean> results = Race.run(2, i -> guard.firstSeen("39990061", uuid, T0.plus(WINDOW)));
            assertThat(results).containsExactlyInAnyOrder(true, false);
        }
    }

    @Test
    void concurrentRevivalsOfAnExpiredEntryHaveOneWinner() throws Exception {
        guard.firstSeen("39990061", UUID, T0.plus(WINDOW));
        clock.advance(WINDOW.multipliedBy(2));

        List<Boolean> results = Race.run(2, i -> guard.firstSeen("39990061", UUID, clock.instant().plus(WINDOW)));

        assertThat(results).containsExactlyInAnyOrder(true, false);
    }
}
