package org.openscis.connector.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        LinkConfig cfg = LinkConfig.defaults(URI.create("http://cbs.example:8080"));

        assertThat(cfg).isEqualTo(new LinkConfig(URI.create("http://cbs.example:8080"), 32, 256, 1024,
                Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofSeconds(5), 5,
                Duration.ofSeconds(10), 1024 * 1024));
    }

    @Test
    void hostPortHostHeaderAndPrefixComeFromTheBaseUri() {
        LinkConfig plain = LinkConfig.defaults(URI.create("http://cbs.example"));
        LinkConfig tls = LinkConfig.defaults(URI.create("https://cbs.example:8443/core/"));
        LinkConfig v6 = LinkConfig.defaults(URI.create("http://[::1]:9000"));

        assertThat(plain.port()).isEqualTo(80);
        assertThat(plain.hostHeader()).isEqualTo("cbs.example");
        assertThat(plain.pathPrefix()).isEmpty();
        assertThat(plain.https()).isFalse();
        assertThat(tls.port()).isEqualTo(8443);
        assertThat(tls.hostHeader()).isEqualTo("cbs.example:8443");
        assertThat(tls.pathPrefix()).isEqualTo("/core");
        assertThat(tls.https()).isTrue();
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.hostHeader()).isEqualTo("[::1]:9000");
        assertThat(LinkConfig.defaults(URI.create("https://cbs.example:443")).hostHeader()).isEqualTo("cbs.example");
    }

    @Test
    void badValuesAreRefusedByName() {
        URI uri = URI.create("http://cbs.example");
        Duration s = Duration.ofSeconds(1);

        assertThatThrownBy(() -> LinkConfig.defaults(URI.create("ftp://cbs.example")))
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> LinkConfig.defaults(URI.create("http:///cbs"))).hasMessageContaining("no host");
        assertThatThrownBy(() -> LinkConfig.defaults(URI.create("http://cbs.example/?q=1")))
                .hasMessageContaining("query");
        assertThatThrownBy(() -> new LinkConfig(uri, 0, 1, 1, s, s, s, s, 1, s, 1))
                .hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> new LinkConfig(uri, 1, 1, -1, s, s, s, s, 1, s, 1))
                .hasMessageContaining("maxQueued");
        assertThatThrownBy(() -> new LinkConfig(uri, 1, 1, 1, Duration.ZERO, s, s, s, 1, s, 1))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> new LinkConfig(uri, 1, 1, 1, s, s, Duration.ofSeconds(2), s, 1, s, 1))
                .hasMessageContaining("reconnectBackoffMax");
        assertThatThrownBy(() -> new LinkConfig(uri, 1, 1, 1, s, s, s, s, 0, s, 1))
                .hasMessageContaining("circuitFailureThreshold");
        assertThatThrownBy(() -> new LinkConfig(uri, 1, 1, 1, s, s, s, s, 1, s, 0))
                .hasMessageContaining("maxResponseBytes");
    }

    @Test
    void aZeroQueueIsAllowed() {
        Duration s = Duration.ofSeconds(1);

        assertThat(new LinkConfig(URI.create("http://h"), 1, 1, 0, s, s, s, s, 1, s, 1).maxQueued()).isZero();
    }
}
