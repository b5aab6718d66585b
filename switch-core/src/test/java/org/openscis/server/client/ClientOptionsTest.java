package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    @Test
    void defaultsAndDerivedParts() {
        ClientOptions o = ClientOptions.builder("https://switch.example:8443/gw/").build();

        assertThat(o.https()).isTrue();
        assertThat(o.host()).isEqualTo("switch.example");
        assertThat(o.port()).isEqualTo(8443);
        assertThat(o.pathPrefix()).isEqualTo("/gw");
        assertThat(o.maxConnections()).isEqualTo(ClientOptions.DEFAULT_MAX_CONNECTIONS);
        assertThat(o.requestTimeout()).isEqualTo(ClientOptions.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void defaultPortsFollowTheScheme() {
        assertThat(ClientOptions.builder("http://h").build().port()).isEqualTo(80);
        assertThat(ClientOptions.builder("https://h").build().port()).isEqualTo(443);
        assertThat(ClientOptions.builder("http://h/").build().pathPrefix()).isEmpty();
    }

    @Test
    void refusesUnusableSettings() {
        assertThatThrownBy(() -> ClientOptions.builder("ftp://h").build()).hasMessageContaining("http://");
        assertThatThrownBy(() -> ClientOptions.builder("http://h").maxConnections(0).build())
                .hasMessageContaining("maxConnections");
        assertThatThrownBy(() -> ClientOptions.builder("http://h").maxQueuedRequests(-1).build())
                .hasMessageContaining("maxQueuedRequests");
        assertThatThrownBy(() -> ClientOptions.builder("http://h").requestTimeout(Duration.ZERO).build())
                .hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> ClientOptions.builder("http://h").maxResponseBytes(0).build())
                .hasMessageContaining("maxResponseBytes");
    }

    @Test
    void identityNeverPrintsKeys() {
        assertThat(TestKeys.client().toString()).contains(TestKeys.INS_ID).doesNotContain("modulus")
                .doesNotContain("private");
    }
}
