package org.openscis.server.storage;

import org.openscis.testing.Race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SequenceAllocatorTest extends StorageTestBase {

    @Test
    void countsFromOneWithinABlock() {
        SequenceAllocator seq = new SequenceAllocator(db(), 10);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            values.add(seq.next("callback"));
        }
        assertThat(values).startsWith(1L, 2L, 3L).endsWith(25L).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void namesAreIndependent() {
        SequenceAllocator seq = new SequenceAllocator(db());
        assertThat(seq.next("a")).isEqualTo(1);
        assertThat(seq.next("b")).isEqualTo(1);
        assertThat(seq.next("a")).isEqualTo(2);
    }

    @Test
    void reservesABlockWhileItsCallerHoldsEveryPooledConnection() {
        Database onePooled = testDb.openAnother(1);
        SequenceAllocator seq = new SequenceAllocator(onePooled, 10);
        // a callback's msgID is drawn while the state change that causes it holds its transaction (and here the
        // pool's only connection) open; waiting for the main pool would fail after its connection timeout
        long value = assertTimeoutPreemptively(Duration.ofMillis(Database.CONNECTION_TIMEOUT_MILLIS - 1_000),
                () -> onePooled.dsl().transactionResult(cfg -> seq.next("held-" + System.nanoTime())));
        assertThat(value).isEqualTo(1);
    }

    @Test
    void twoNodesOnOneDatabaseNeverShareAValue() throws Exception {
        Database otherNode = testDb.openAnother();
        SequenceAllocator node1 = new SequenceAllocator(db(), 7);
        SequenceAllocator node2 = new SequenceAllocator(otherNode, 7);
        int perThread = 300;

        // Two threads per node: the same counter row is contended across pools and within each allocator.
        List<List<Long>> drawn = Race.run(4, i -> {
            SequenceAllocator mine = i % 2 == 0 ? node1 : node2;
            List<Long> values = new ArrayList<>();
            for (int n = 0; n < perThread; n++) {
                values.add(mine.next("stan"));
            }
            return values;
        });

        Set<Long> all = new HashSet<>();
        drawn.forEach(all::addAll);
        assertThat(all).hasSize(4 * perThread);
        drawn.forEach(values -> assertThat(values).isSorted());
    }

    @Test
    void valuesStayUniqueAcrossARestart() {
        Database before = testDb.openAnother();
        SequenceAllocator first = new SequenceAllocator(before, 50);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            seen.add(first.next("voucher"));
        }
        before.close();

        SequenceAllocator afterRestart = new SequenceAllocator(testDb.openAnother(), 50);
        long next = afterRestart.next("voucher");

        assertThat(next).isGreaterThan(Collections.max(seen));
    }

    @Test
    void concurrentCreationOfANewCounterIsSafe() throws Exception {
        Database otherNode = testDb.openAnother();
        SequenceAllocator node1 = new SequenceAllocator(db(), 5);
        SequenceAllocator node2 = new SequenceAllocator(otherNode, 5);

        for (int round = 0; round < 5; round++) {
            String name = "fresh-" + round;
            List<Long> values = Race.run(2, i -> (i == 0 ? node1 : node2).next(name));
            assertThat(values).containsExactlyInAnyOrder(1L, 6L);
        }
    }

    @Test
    void anExpiredBlockIsAbandonedForAFreshOne() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        SequenceAllocator seq = new SequenceAllocator(db(), 10, Duration.ofSeconds(1), clock);
        assertThat(seq.next("stan")).isEqualTo(1);
        clock.advance(Duration.ofMillis(999));
        assertThat(seq.next("stan")).isEqualTo(2);

        clock.advance(Duration.ofMillis(1));
        assertThat(seq.next("stan")).as("first value of the next block").isEqualTo(11);
        assertThat(seq.next("stan")).isEqualTo(12);

        clock.advance(Duration.ofMillis(-1));
        assertThat(seq.next("stan")).as("a clock that went back expires the block too").isEqualTo(21);
        assertThat(seq.maxBlockAge()).contains(Duration.ofSeconds(1));
    }

    @Test
    void anIdleNodeWithExpiringBlocksCatchesUpWithTheOthers() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        SequenceAllocator idle = new SequenceAllocator(db(), 10, Duration.ofSeconds(1), clock);
        SequenceAllocator busy = new SequenceAllocator(testDb.openAnother(), 10);
        assertThat(idle.next("stan")).isEqualTo(1);
        long last = 0;
        for (int i = 0; i < 500; i++) {
            last = busy.next("stan");
        }
        clock.advance(Duration.ofSeconds(5));

        assertThat(idle.next("stan")).isGreaterThan(last);
        assertThat(busy.maxBlockAge()).isEmpty();
    }

    @Test
    void rejectsANonPositiveMaxBlockAge() {
        MutableClock clock = new MutableClock(Instant.EPOCH);
        assertThatThrownBy(() -> new SequenceAllocator(db(), 10, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SequenceAllocator(db(), 10, Duration.ofSeconds(1), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void rejectsANonPositiveBlockSize() {
        assertThatThrownBy(() -> new SequenceAllocator(db(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
