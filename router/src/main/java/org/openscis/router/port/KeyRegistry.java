package org.openscis.router.port;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Participants' public keys by kid. Configured keys are always there; KEY_EXCHANGE adds more, durably, so that every
 * node sharing the database sees them.
 */
public interface KeyRegistry {

    Optional<PublicKey> signingKey(String insId, String kid);

    /** Registers an additional active signing key; false if the kid is already registered with another key. */
    boolean addSigningKey(String insId, String kid, PublicKey key);

    /** Registers a new encryption key that becomes the one the switch encrypts to; false on a kid clash. */
    boolean addEncryptionKey(String insId, String kid, PublicKey key);
}
