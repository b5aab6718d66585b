package org.openscis.router.testing;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openscis.router.port.KeyRegistry;

/** Keys per (insID, kid), compared by their DER encoding; remembers the current encryption kid per participant. */
public final class InMemoryKeyRegistry implements KeyRegistry {

    private final Map<String, PublicKey> signing = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> encryption = new ConcurrentHashMap<>();
    private final Map<String, String> currentEncryptionKid = new ConcurrentHashMap<>();

    @Override
    public Optional<PublicKey> signingKey(String insId, String kid) {
        return Optional.ofNullable(signing.get(insId + "/" + kid));
    }

    @Override
    public synchronized boolean addSigningKey(String insId, String kid, PublicKey key) {
        return add(signing, insId + "/" + kid, key);
    }

    @Override
    public synchronized boolean addEncryptionKey(String insId, String kid, PublicKey key) {
        if (!add(encryption, insId + "/" + kid, key)) {
            return false;
        }
        currentEncryptionKid.put(insId, kid);
        return true;
    }

    public Optional<PublicKey> encryptionKey(String insId, String kid) {
        return Optional.ofNullable(encryption.get(insId + "/" + kid));
    }

    public Optional<String> currentEncryptionKid(String insId) {
        return Optional.ofNullable(currentEncryptionKid.get(insId));
    }

    private static boolean add(Map<String, PublicKey> map, String key, PublicKey value) {
        PublicKey existing = map.putIfAbsent(key, value);
        return existing == null || Arrays.equals(existing.getEncoded(), value.getEncoded());
    }
}
