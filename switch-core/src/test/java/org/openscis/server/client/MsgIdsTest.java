package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MsgIdsTest {

    private final MsgIds ids = new MsgIds(Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC));

    @Test
    void followsTheAppGatewayLayout() {
        String id = ids.next("39990157");

        assertThat(id).matches("A3999015720260304050607\\d{6}").hasSize(29);
    }

    @Test
    void neverRepeatsWithinOneSecond() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(ids.next("39990157"))).isTrue();
        }
    }

    @Test
    void timestampIsTheLocalTimeOfTheClock() {
        assertThat(ids.timestamp()).isEqualTo("20260304050607");
    }
}
