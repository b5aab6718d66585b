package org.openscis.server.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openscis.server.testing.MutableClock;
import org.openscis.server.testing.TestKeyPairs;

class CompositeKeyRegistryTest {

    private static final String INS = "39990157";
    private static final PublicKey CONFIGURED = TestKeyPairs.RSA_A.getPublic();
    private static final PublicKey EXCHANGED = TestKeyPairs.RSA_B.getPublic();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final Map<String, PublicKey> table = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    @SuppressWarnings("unchecked")
    private final Map.Entry<String, PublicKey>[] encryption = new Map.Entry[1];

    private final ExchangedKeys store = new ExchangedKeys() {
        @Override
        public Map<String, PublicKey> signingKeys(String insId) {
            loads.incrementAndGet();
            return Map.copyOf(table);
        }

        @Override
        public Optional<Map.Entry<String, PublicKey>> latestEncryptionKey(String insId) {
            return Optional.ofNullable(encryption[0]);
        }

        @Override
        public boolean addSigning(String insId, String kid, PublicKey key) {
            PublicKey old = table.putIfAbsent(kid, key);
            return old == null || old.equals(key);
        }

        @Override
        public boolean addEncryption(String insId, String kid, PublicKey key) {
            encryption[0] = Map.entry(kid, key);
            return true;
        }
    };

    private final CompositeKeyRegistry registry = new CompositeKeyRegistry(Map.of(INS, Map.of("c1", CONFIGURED)),
            store, clock, Duration.ofSeconds(30));

    @Test
    void configuredKeysNeedNoStorage() {
        assertThat(registry.signingKey(INS, "c1")).contains(CONFIGURED);
        assertThat(loads).hasValue(0);
    }

    @Test
    void keyAddedHereIsUsableAtOnce() {
        assertThat(registry.signingKey(INS, "x1")).isEmpty();
        assertThat(registry.addSigningKey(INS, "x1", EXCHANGED)).isTrue();
        assertThat(registry.signingKey(INS, "x1")).contains(EXCHANGED);
    }

    @Test
    void keyAddedOnAnotherNodeIsFoundWithinASecondAndUnknownKidsAreRateLimited() {
        assertThat(registry.signingKey(INS, "x2")).isEmpty();
        table.put("x2", EXCHANGED); // another node wrote it
        for (int i = 0; i < 100; i++) {
            registry.signingKey(INS, "nope");
        }
        assertThat(loads).as("misses within a second reuse the cached copy").hasValue(1);
        clock.advance(Duration.ofMillis(1001));
        assertThat(registry.signingKey(INS, "x2")).contains(EXCHANGED);
        assertThat(loads).hasValue(2);
    }

    @Test
    void kidClashWithAConfiguredKeyIsRefused() {
        assertThat(registry.addSigningKey(INS, "c1", EXCHANGED)).isFalse();
        assertThat(registry.addSigningKey(INS, "c1", CONFIGURED)).isTrue();
    }

    @Test
    void encryptionKeyExchangedHereIsUsedAtOnce() {
        assertThat(registry.exchangedEncryptionKey(INS)).isEmpty();
        assertThat(registry.addEncryptionKey(INS, "e2", EXCHANGED)).isTrue();
        assertThat(registry.exchangedEncryptionKey(INS)).contains(Map.entry("e2", EXCHANGED));
    }
}
