package org.openscis.server.adapters;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openscis.router.port.KeyRegistry;

/**
 * Configured signing keys first, then keys added by KEY_EXCHANGE; and the newest exchanged encryption key, which
 * replaces the configured one as the key the switch encrypts to. Exchanged keys are cached per participant so the
 * hot path does not query storage: the cache is reloaded after {@code cacheTtl}, and also when a kid is missing and
 * the cached copy is older than {@link #MISS_RELOAD} (so a key exchanged on another node is usable within a second,
 * while a flood of unknown kids costs at most one query per participant per second). A key added on this node is
 * used at once.
 */
public final class CompositeKeyRegistry implements KeyRegistry {

    static final Duration MISS_RELOAD = Duration.ofSeconds(1);

    private final Map<String, Map<String, PublicKey>> configured;
    private final ExchangedKeys exchanged;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Bumped by every local addition, so a load that started before it never caches a stale copy. */
    private final Map<String, Long> generations = new HashMap<>();

    private record Cached(Map<String, PublicKey> keys, Optional<Map.Entry<String, PublicKey>> encryption,
            Instant loadedAt) {}

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
        boolean stale = c == null || c.loadedAt().plus(cacheTtl).isBefore(now)
                || (!c.keys().containsKey(kid) && !c.loadedAt().plus(MISS_RELOAD).isAfter(now));
        if (stale) {
            c = load(insId, now);
        }
        return Optional.ofNullable(c.keys().get(kid));
    }

    /** The participant's newest exchanged encryption key and its kid, if it registered one. */
    public Optional<Map.Entry<String, PublicKey>> exchangedEncryptionKey(String insId) {
        Instant now = clock.instant();
        Cached c = cache.get(insId);
        if (c == null || c.loadedAt().plus(cacheTtl).isBefore(now)) {
            c = load(insId, now);
        }
        return c.encryption();
    }

    private Cached load(String insId, Instant now) {
        long generation;
        synchronized (generations) {
            generation = generations.getOrDefault(insId, 0L);
        }
        Cached fresh = new Cached(exchanged.signingKeys(insId), exchanged.latestEncryptionKey(insId), now);
        synchronized (generations) {
            if (generations.getOrDefault(insId, 0L) == generation) {
                cache.put(insId, fresh);
            }
        }
        return fresh;
    }

    @Override
    public boolean addSigningKey(String insId, String kid, PublicKey key) {
        Map<String, PublicKey> fixed = configured.get(insId);
        if (fixed != null && fixed.containsKey(kid)) {
            return fixed.get(kid).equals(key);
        }
        boolean added = exchanged.addSigning(insId, kid, key);
        forget(insId);
        return added;
    }

    @Override
    public boolean addEncryptionKey(String insId, String kid, PublicKey key) {
        boolean added = exchanged.addEncryption(insId, kid, key);
        forget(insId);
        return added;
    }

    private void forget(String insId) {
        synchronized (generations) {
            generations.merge(insId, 1L, Long::sum);
            cache.remove(insId);
        }
    }
}
