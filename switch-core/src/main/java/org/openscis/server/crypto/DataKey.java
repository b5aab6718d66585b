package org.openscis.server.crypto;

import java.time.Instant;
import javax.crypto.SecretKey;

/** One AES-256 data key of the keyring. Package-private so key material never leaves this package. */
record DataKey(String id, SecretKey key, Instant createdAt) {

    @Override
    public String toString() {
        return "DataKey[" + id + ", created " + createdAt + "]";
    }
}
