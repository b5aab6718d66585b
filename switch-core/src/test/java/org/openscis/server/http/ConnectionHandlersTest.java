package org.openscis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Idle close (virtual time) and the connection limit, on embedded channels. */
class ConnectionHandlersTest {

    @Test
    void idleConnectionIsClosedAfterTheConfiguredTime() {
        EmbeddedChannel ch = new EmbeddedChannel(new IdleCloser(60_000));
        ch.advanceTimeBy(59, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isTrue();
        ch.advanceTimeBy(2, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void trafficKeepsTheConnectionOpen() {
        EmbeddedChannel ch = new EmbeddedChannel(new IdleCloser(60_000));
        for (int i = 0; i < 5; i++) {
            ch.advanceTimeBy(30, TimeUnit.SECONDS);
            ch.writeInbound("ping");
            ch.runScheduledPendingTasks();
            assertThat((Object) ch.readInbound()).isEqualTo("ping");
        }
        assertThat(ch.isOpen()).isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnce() {
        List<Integer> refused = new ArrayList<>();
        ConnectionLimiter limiter = new ConnectionLimiter(2, refused::add);
        EmbeddedChannel a = new EmbeddedChannel(limiter);
        EmbeddedChannel b = new EmbeddedChannel(limiter);
        EmbeddedChannel c = new EmbeddedChannel(limiter);
        assertThat(a.isOpen()).isTrue();
        assertThat(b.isOpen()).isTrue();
        assertThat(c.isOpen()).isFalse();
        assertThat(refused).hasSize(1);
        assertThat(limiter.open()).isEqualTo(2);
        a.close();
        assertThat(limiter.open()).isEqualTo(1);
        EmbeddedChannel d = new EmbeddedChannel(limiter);
        assertThat(d.isOpen()).isTrue();
        b.close();
        d.close();
        assertThat(limiter.open()).isZero();
    }
}
