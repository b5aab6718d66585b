package org.openscis.server.adapters;

import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.JweResult;
import org.openscis.router.port.FieldCrypto;
import org.openscis.router.port.Participant;

/**
 * JWE fields: decrypts with the switch's encryption keys by kid; encrypts to a participant's newest exchanged
 * encryption key if it registered one (see {@link CompositeKeyRegistry#exchangedEncryptionKey}), else its configured
 * key, with its configured algorithms.
 */
public final class SwitchFieldCrypto implements FieldCrypto {

    private final SwitchKeyRing keys;
    private final Function<String, Optional<Map.Entry<String, PublicKey>>> exchangedEncryptionKey;

    public SwitchFieldCrypto(SwitchKeyRing keys,
            Function<String, Optional<Map.Entry<String, PublicKey>>> exchangedEncryptionKey) {
        this.keys = keys;
        this.exchangedEncryptionKey = exchangedEncryptionKey;
    }

    @Override
    public JweResult decryptForSwitch(String compactJwe) {
        return JweCodec.decrypt(compactJwe, keys::encryptionKey);
    }

    @Override
    public String encryptFor(Participant participant, byte[] plaintext) {
        JweProfile profile = participant.jweProfile() == null ? JweProfile.RSA_OAEP_256_A128GCM
                : participant.jweProfile();
        Optional<Map.Entry<String, PublicKey>> newer = exchangedEncryptionKey.apply(participant.insId());
        if (newer.isPresent()) {
            return JweCodec.encrypt(plaintext, newer.get().getValue(), newer.get().getKey(), profile);
        }
        return JweCodec.encrypt(plaintext, participant.encryptionKey(), participant.encryptionKid(), profile);
    }
}
