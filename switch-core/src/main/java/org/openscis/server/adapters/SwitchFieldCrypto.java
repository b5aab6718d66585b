package org.openscis.server.adapters;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.JweResult;
import org.openscis.router.port.FieldCrypto;
import org.openscis.router.port.Participant;

/**
 * JWE fields: decrypts with the switch's encryption keys by kid; encrypts to a participant's newest exchanged
 * encryption key if it registered one, else its configured key, with its configured algorithms.
 */
public final class SwitchFieldCrypto implements FieldCrypto {

    private final SwitchKeyRing keys;
    private final ExchangedKeys exchanged;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<Map.Entry<String, PublicKey>> key, Instant loadedAt) {}

    public SwitchFieldCrypto(SwitchKeyRing keys, ExchangedKeys exchanged, Clock clock, Duration cacheTtl) {
        this.keys = keys;
        this.exchanged = exchanged;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
    }

    @Override
    public JweResult decryptForSwitch(String compactJwe) {
        return JweCodec.decrypt(compactJwe, keys::encryptionKey);
    }

    @Override
    public String encryptFor(Participant participant, byte[] plaintext) {
        Optional<Map.Entry<String, PublicKey>> newer = exchangedKey(participant.insId());
        JweProfile profile = participant.jweProfile() == null ? JweProfile.RSA_OAEP_256_A128GCM
                : participant.jweProfile();
        if (newer.isPresent()) {
            return JweCodec.encrypt(plaintext, newer.get().getValue(), newer.get().getKey(), profile);
        }
        return JweCodec.encrypt(plaintext, participant.encryptionKey(), participant.encryptionKid(), profile);
    }

    private Optional<Map.Entry<String, PublicKey>> exchangedKey(String insId) {
        Instant now = clock.instant();
        Cached c = cache.get(insId);
        if (c == null || c.loadedAt().plus(cacheTtl).isBefore(now)) {
            c = new Cached(exchanged.latestEncryptionKey(insId), now);
            cache.put(insId, c);
        }
        return c.key();
    }

    /** Forgets cached exchanged keys of a participant (after its KEY_EXCHANGE on this node). */
    public void invalidate(String insId) {
        cache.remove(insId);
    }
}
