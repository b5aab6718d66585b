package org.openscis.server.client;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;
import org.openscis.server.keys.ClientProfile;

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

    /** The identity a client profile describes (the file the switch writes for development, or the operator's). */
    public static ClientIdentity of(ClientProfile profile) {
        return new ClientIdentity(profile.insId(), profile.signingKid(), profile.signingKey(), profile.encryptionKid(),
                profile.encryptionKey(), profile.switchSigningKid(), profile.switchSigningPublicKey(),
                profile.switchEncryptionKid(), profile.switchEncryptionPublicKey());
    }

    /** Never prints key material. */
    @Override
    public String toString() {
        return "ClientIdentity[insID=" + insID + ", signingKid=" + signingKid + ", encryptionKid=" + encryptionKid
                + ", switchSigningKid=" + switchSigningKid + ", switchEncryptionKid=" + switchEncryptionKid + "]";
    }
}
