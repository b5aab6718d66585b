package org.openscis.server.config;

import java.util.List;

/**
 * The switch's own keys. The signing key signs responses, callbacks and CBS calls. Encryption keys decrypt JWE
 * fields sent to the switch (several kids during rotation; the first is current). {@code dataKeysFile} holds the
 * AES-256 data keys for encryption at rest (created on first start if missing; newest key encrypts new writes).
 * {@code cardSecretKeyFile} holds the key CVN2 and lookup hashes are derived with.
 */
public record SwitchKeysConfig(
        String signingKid,
        String signingKeyFile,
        List<KeyRef> encryptionKeys,
        String dataKeysFile,
        boolean generateIfMissing) {

    /** A kid and the file holding its private key. */
    public record KeyRef(String kid, String file) {}
}
