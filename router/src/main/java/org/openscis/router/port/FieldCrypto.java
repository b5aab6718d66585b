package org.openscis.router.port;

import org.openscis.codec.jose.JweResult;

/** JWE for sensitive fields: decrypt what was encrypted to the switch, encrypt to a participant's key. */
public interface FieldCrypto {

    /** Decrypts a compact JWE addressed to one of the switch's encryption keys. */
    JweResult decryptForSwitch(String compactJwe);

    /** Encrypts to the participant's configured (or exchanged) encryption key with its configured algorithms. */
    String encryptFor(Participant participant, byte[] plaintext);
}
