package org.openscis.router.port;

import java.security.PublicKey;

/**
 * The switch's own current public keys and their kids, as KEY_EXCHANGE returns them to an App Gateway
 * (protocol.md §3.24). Private keys stay behind {@link FieldCrypto} and the signing layer.
 */
public interface SwitchKeys {

    /** The kid the switch signs responses and callbacks with. */
    String signingKid();

    PublicKey signingPublicKey();

    /** The kid App Gateways encrypt {@code cvmInfo} and similar fields to. */
    String encryptionKid();

    PublicKey encryptionPublicKey();
}
