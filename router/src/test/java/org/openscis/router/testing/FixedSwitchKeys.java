package org.openscis.router.testing;

import java.security.PublicKey;
import org.openscis.router.port.SwitchKeys;

/** The switch's public keys as plain values. */
public record FixedSwitchKeys(String signingKid, PublicKey signingPublicKey, String encryptionKid,
        PublicKey encryptionPublicKey) implements SwitchKeys {}
