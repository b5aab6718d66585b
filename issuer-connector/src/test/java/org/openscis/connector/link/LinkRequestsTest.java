package org.openscis.connector.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LinkRequestsTest {

    @Test
    void aRequestIsAJsonPostWithTheSignatureAndExactFraming() {
        FullHttpRequest r = new LinkRequests("cbs:8080").build("/cbs/x", "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                "hdr..sig");
        try {
            assertThat(r.method()).isEqualTo(HttpMethod.POST);
            assertThat(r.uri()).isEqualTo("/cbs/x");
            assertThat(r.headers().get("Host")).isEqualTo("cbs:8080");
            assertThat(r.headers().get("Content-Type")).isEqualTo("application/json");
            assertThat(r.headers().get("Content-Length")).isEqualTo("7");
            assertThat(r.headers().get("UPI-JWS")).isEqualTo("hdr..sig");
            assertThat(r.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        } finally {
            r.release();
        }
    }

    @Test
    void onlyVisibleAsciiTargetsStartingWithASlashCanBeSent() {
        assertThat(LinkRequests.validTarget("/cbs/debit_transaction")).isTrue();
        assertThat(LinkRequests.validTarget("cbs/x")).isFalse();
        assertThat(LinkRequests.validTarget("")).isFalse();
        assertThat(LinkRequests.validTarget(null)).isFalse();
        assertThat(LinkRequests.validTarget("/a b")).isFalse();
        assertThat(LinkRequests.validTarget("/a\r\nX-Injected: 1")).isFalse();
        assertThat(LinkRequests.validTarget("/caf\u00e9")).isFalse();
    }
}
