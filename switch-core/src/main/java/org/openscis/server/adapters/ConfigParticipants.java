package org.openscis.server.adapters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.router.MessageType;
import org.openscis.router.port.Participant;
import org.openscis.server.config.ParticipantConfig;
import org.openscis.server.gate.ParticipantDirectory;
import org.openscis.server.gate.ParticipantEntry;

/** Participants from the {@code participants} section, with their configured signing keys. */
public final class ConfigParticipants implements ParticipantDirectory {

    private final Map<String, ParticipantEntry> byInsId = new HashMap<>();
    private final Map<String, Map<String, PublicKey>> signingKeys = new HashMap<>();

    public ConfigParticipants(List<ParticipantConfig> participants) {
        for (ParticipantConfig p : participants) {
            Set<MessageType> allowed = p.allowedMessageTypes() == null || p.allowedMessageTypes().isEmpty()
                    ? defaults(p.kind()) : EnumSet.copyOf(p.allowedMessageTypes());
            PublicKey encryptionKey = p.encryptionKeyFile() == null ? null
                    : KeyMaterial.readPublicKey(read(Path.of(p.encryptionKeyFile())));
            JweProfile profile = p.jweProfile() == null ? JweProfile.RSA_OAEP_256_A128GCM : p.jweProfile();
            Participant participant = new Participant(p.insId(), p.kind(), allowed, p.encryptionKid(), encryptionKey,
                    profile, p.callbackUrl());
            Set<String> algs = p.signingAlgorithms() == null || p.signingAlgorithms().isEmpty()
                    ? Set.of("RS256") : Set.copyOf(p.signingAlgorithms());
            byInsId.put(p.insId(), new ParticipantEntry(participant, algs));
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            p.signingKeys().forEach((kid, file) -> keys.put(kid, KeyMaterial.readPublicKey(read(Path.of(file)))));
            signingKeys.put(p.insId(), Map.copyOf(keys));
        }
    }

    private static Set<MessageType> defaults(Participant.Kind kind) {
        Set<MessageType> all = EnumSet.noneOf(MessageType.class);
        for (MessageType t : MessageType.values()) {
            boolean mine = kind == Participant.Kind.ACQUIRER ? t.direction() == MessageType.Direction.FROM_ACQUIRER
                    : t.direction() == MessageType.Direction.FROM_APP_GATEWAY;
            if (mine) {
                all.add(t);
            }
        }
        return all;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
    }

    @Override
    public Optional<ParticipantEntry> find(String insId) {
        return Optional.ofNullable(insId == null ? null : byInsId.get(insId));
    }

    /** Configured signing keys: insID → kid → key. */
    public Map<String, Map<String, PublicKey>> signingKeys() {
        return signingKeys;
    }
}
