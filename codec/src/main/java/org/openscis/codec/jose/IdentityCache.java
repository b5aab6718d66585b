package org.openscis.codec.jose;

import com.nimbusds.jose.JOSEException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key nimbus signer/verifier/encrypter/decrypter objects. Keyed by key identity, because keys come from
 * configuration and live as long as it does, and identity is cheap where {@code equals} on a key may encode it.
 * Bounded: when full it starts over, which only costs re-creating a few objects after a key rotation storm.
 */
final class IdentityCache<K, V> {

    /** Far above the number of keys a switch holds (participants x kids). */
    static final int MAX_ENTRIES = 4096;

    @FunctionalInterface
    interface Factory<K, V> {
        V create(K key) throws JOSEException;
    }

    private final ConcurrentHashMap<Identity, V> entries = new ConcurrentHashMap<>();

    V get(K key, Factory<K, V> factory) throws JOSEException {
        Identity id = new Identity(key);
        V cached = entries.get(id);
        if (cached != null) {
            return cached;
        }
        V created = factory.create(key);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        V raced = entries.putIfAbsent(id, created);
        return raced != null ? raced : created;
    }

    int size() {
        return entries.size();
    }

    private static final class Identity {
        private final Object key;

        Identity(Object key) {
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }
}
