package org.openscis.server.adapters;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openscis.router.port.KeyRegistry;

/**
 * Configured signing keys first, then keys added by KEY_EXCHANGE. Exchanged keys are cached per participant for a
 * short time so the hot path does not query storage; a key added on another node becomes usable here within
 * {@code cacheTtl}, on this node at once.
 */
public final class CompositeKeyRegistry implements KeyRegistry {

    private final Map<String, Map<String, PublicKey>> configured;
    private final ExchangedKeys exchanged;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Map<String, PublicKey> keys, Instant loadedAt) {}

    public CompositeKeyRegistry(Map<String, Map<String, PublicKey>> configured, ExchangedKeys exchanged, Clock clock,
            Duration cacheTtl) {
        this.configured = configured;
        this.exchanged = exchanged;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    @Override
    public Optional<PublicKey> signingKey(String insId, String kid) {
        Map<String, PublicKey> fixed = configured.get(insId);
        if (fixed != null && fixed.containsKey(kid)) {
            return Optional.of(fixed.get(kid));
        }
        Instant now = clock.instant();
        Cached c = cache.get(insId);
        if (c == null || c.loadedAt().plus(cacheTtl).isBefore(now)) {
            c = new Cached(exchanged.signingKeys(insId), now);
            cache.put(insId, c);
        }
        return Optional.ofNullable(c.keys().get(kid));
    }

    @Override
    public boolean addSigningKey(String insId, String kid, PublicKey key) {
        Map<String, PublicKey> fixed = configured.get(insId);
        if (fixed != null && fixed.containsKey(kid)) {
            return fixed.get(kid).equals(key);
        }
        boolean added = exchanged.addSigning(insId, kid, key);
        cache.remove(insId);
        return added;
    }

    @Override
    public boolean addEncryptionKey(String insId, String kid, PublicKey key) {
        return exchanged.addEncryption(insId, kid, key);
    }
}
