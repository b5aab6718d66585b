package org.openscis.server.adapters;

import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;

/** Keys participants registered with KEY_EXCHANGE, kept durably (shared by all nodes). */
public interface ExchangedKeys {

    Map<String, PublicKey> signingKeys(String insId);

    Optional<Map.Entry<String, PublicKey>> latestEncryptionKey(String insId);

    /** False if the kid is registered already with a different key; true if new or identical. */
    boolean addSigning(String insId, String kid, PublicKey key);

    boolean addEncryption(String insId, String kid, PublicKey key);
}
