package org.openscis.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AdminHandlerTest {

    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final EmbeddedChannel ch = new EmbeddedChannel(new AdminHandler(ready::get, () -> "openscis_up 1\n"));

    private String answer(HttpMethod method, String uri, int status) {
        ch.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri));
        FullHttpResponse r = ch.readOutbound();
        try {
            assertThat(r.status().code()).isEqualTo(status);
            return r.content().toString(StandardCharsets.UTF_8);
        } finally {
            r.release();
        }
    }

    @Test
    void liveReadyAndMetrics() {
        assertThat(answer(HttpMethod.GET, "/health/live", 200)).contains("UP");
        assertThat(answer(HttpMethod.GET, "/health/ready", 200)).contains("READY");
        ready.set(false);
        assertThat(answer(HttpMethod.GET, "/health/ready", 503)).contains("NOT_READY");
        assertThat(answer(HttpMethod.GET, "/metrics?x=1", 200)).isEqualTo("openscis_up 1\n");
        assertThat(answer(HttpMethod.GET, "/nothing", 404)).contains("no such path");
        assertThat(answer(HttpMethod.POST, "/metrics", 405)).contains("GET only");
        ch.finishAndReleaseAll();
    }
}
