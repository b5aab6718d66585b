package org.openscis.router.testing;

import java.security.PrivateKey;
import java.util.Map;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweResult;
import org.openscis.router.port.FieldCrypto;
import org.openscis.router.port.Participant;

/** {@link FieldCrypto} over the real {@link JweCodec}, with the switch's private encryption keys by kid. */
public final class JoseFieldCrypto implements FieldCrypto {

    private final Map<String, PrivateKey> switchKeysByKid;

    public JoseFieldCrypto(Map<String, PrivateKey> switchKeysByKid) {
        this.switchKeysByKid = Map.copyOf(switchKeysByKid);
    }

    @Override
    public JweResult decryptForSwitch(String compactJwe) {
        return JweCodec.decrypt(compactJwe, kid -> kid == null ? null : switchKeysByKid.get(kid));
    }

    @Override
    public String encryptFor(Participant participant, byte[] plaintext) {
        return JweCodec.encrypt(plaintext, participant.encryptionKey(), participant.encryptionKid(),
                participant.jweProfile());
    }
}
