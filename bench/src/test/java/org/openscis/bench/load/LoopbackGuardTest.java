package org.openscis.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackGuardTest {

    @Test
    void loopbackTargetsAreAllowed() {
        assertThat(LoopbackGuard.problem("http://127.0.0.1:8080", false)).isEmpty();
        assertThat(LoopbackGuard.problem("http://127.0.0.2:8080", false)).isEmpty();
        assertThat(LoopbackGuard.problem("http://[::1]:8080", false)).isEmpty();
        assertThat(LoopbackGuard.problem("http://localhost:8080/prefix", false)).isEmpty();
    }

    @Test
    void otherAddressesNeedAllowRemote() {
        assertThat(LoopbackGuard.problem("http://10.1.2.3:8080", false)).get().asString()
                .contains("10.1.2.3", "--allow-remote");
        assertThat(LoopbackGuard.problem("https://192.0.2.10", false)).isPresent();
        assertThat(LoopbackGuard.problem("http://10.1.2.3:8080", true)).isEmpty();
    }

    @Test
    void unusableUrlsAreRefusedEvenWhenRemoteIsAllowed() {
        assertThat(LoopbackGuard.problem("not a url", true)).isPresent();
        assertThat(LoopbackGuard.problem("file:///etc/passwd", true)).isPresent();
    }
}
