package org.openscis.router.port;

import java.security.PublicKey;
import java.util.Set;
import org.openscis.codec.jose.JweProfile;
import org.openscis.router.MessageType;

/**
 * A configured App Gateway or acquirer: its id ({@code insID}), what it may send, and where the switch encrypts to
 * and calls back. Signing keys live in {@link KeyRegistry} because KEY_EXCHANGE adds to them at run time.
 */
public record Participant(
        String insId,
        Kind kind,
        Set<MessageType> allowedTypes,
        String encryptionKid,
        PublicKey encryptionKey,
        JweProfile jweProfile,
        String callbackUrl) {

    public enum Kind { APP_GATEWAY, ACQUIRER }

    public boolean maysend(MessageType type) {
        return allowedTypes.contains(type);
    }

    @Override
    public String toString() {
        return "Participant[" + insId + ", " + kind + "]";
    }
}
