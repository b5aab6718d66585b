package org.openscis.server.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openscis.server.outbox.CallbackDelivery.Acknowledged;

class CallbackDeliveryTest {

    @Test
    void onlyResponseCode00IsADelivery() {
        assertThat(new Acknowledged("00").delivered()).isTrue();
        assertThat(new Acknowledged("96").delivered()).isFalse();
        assertThat(new Acknowledged("0").delivered()).isFalse();
    }
}
