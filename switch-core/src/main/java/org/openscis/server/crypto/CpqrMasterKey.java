package org.openscis.server.crypto;

import java.nio.charset.StandardCharsets;

/**
 * The master key of consumer-presented codes (docs/decisions/cpqr-codes.md): HMAC-SHA256 of a fixed label under the
 * keyring's card secret key. Derived rather than kept in a file of its own: the card secret key already never
 * rotates and is already copied to every node with the keyring, which is exactly what the codes' key needs (a code
 * issued on one node is scanned on another); the label separates it from the CVN2 derivation.
 */
public final class CpqrMasterKey {

    static final String LABEL = "openscis|cpqr-master-key|v1";

    private CpqrMasterKey() {}

    /** 32 bytes; the caller owns the array. */
    public static byte[] derive(DataKeyring keyring) {
        return Hmac.sha256(keyring.cardSecretKey(), LABEL.getBytes(StandardCharsets.US_ASCII));
    }
}
