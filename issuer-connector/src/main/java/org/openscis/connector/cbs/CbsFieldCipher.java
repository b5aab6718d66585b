package org.openscis.connector.cbs;

import org.openscis.codec.jose.JweResult;

/**
 * The JWE fields of the CBS link (decisions.md §3): request fields are encrypted to the issuer's (CBS) encryption key,
 * response fields were encrypted to the switch's. Implemented where the keys are configured.
 */
public interface CbsFieldCipher {

    /** The compact JWE of {@code plaintextJson} for the issuer's encryption key. */
    String encryptForIssuer(byte[] plaintextJson);

    /** Decrypts a response field with the switch's key(s); never throws for bad input. */
    JweResult decryptForSwitch(String compactJwe);
}
