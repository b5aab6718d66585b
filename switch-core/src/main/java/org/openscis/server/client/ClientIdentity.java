package org.openscis.server.client;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * Who the client is and whom it talks to (protocol.md §4.1): our insID, our signing and encryption keys with their
 * kids, and the switch's signing and encryption public keys with their kids.
 */
public record ClientIdentity(String insID, String signingKid, PrivateKey signingKey, String encryptionKid,
        PrivateKey encryptionKey, String switchSigningKid, PublicKey switchSigningKey, String switchEncryptionKid,
        PublicKey switchEncryptionKey) {

    public ClientIdentity {
        Objects.requireNonNull(insID, "insID");
        Objects.requireNonNull(signingKid, "signingKid");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(switchSigningKid, "switchSigningKid");
        Objects.requireNonNull(switchSigningKey, "switchSigningKey");
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "ClientIdentity[insID=" + insID + ", signingKid=" + signingKid + ", encryptionKid=" + encryptionKid
                + ", switchSigningKid=" + switchSigningKid + ", switchEncryptionKid=" + switchEncryptionKid + "]";
    }
}
