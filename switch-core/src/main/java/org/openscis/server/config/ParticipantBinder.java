package org.openscis.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.router.MessageType;
import org.openscis.router.port.Participant;

/** Binds {@code participants}: App Gateways and acquirers, their keys, callback URLs and allowed message types. */
final class ParticipantBinder {

    /** decisions.md §3: RS256 by default, PS256 and ES256 on request; {@code none} and HMAC never. */
    static final Set<String> SIGNING_ALGORITHMS = Set.of("RS256", "PS256", "ES256");

    private final ConfigFilePaths paths;
    private final Unique insIds = new Unique("insID");

    ParticipantBinder(ConfigFilePaths paths) {
        this.paths = paths;
    }

    List<ParticipantConfig> participants(Fields top, String key) {
        return top.list(key, List.of(), e -> {
            Fields f = e.fields();
            return f == null ? null : participant(f);
        });
    }

    private ParticipantConfig participant(Fields f) {
        String insId = f.required("insID");
        if (insId != null) {
            String problem = Formats.match(insId, Formats.INS_ID, "1-16 letters or digits");
            if (problem != null) {
                f.problem("insID", problem);
            }
            insIds.check(insId, f.key("insID"), f.problems());
        }
        Participant.Kind kind = f.enumeration("kind", Participant.Kind.class, Participant.Kind.APP_GATEWAY);
        Map<String, String> signingKeys = signingKeys(f);
        List<String> algorithms = f.list("signingAlgorithms", List.of("RS256"), e -> {
            String alg = e.text();
            if (alg != null && !SIGNING_ALGORITHMS.contains(alg)) {
                e.problem("must be RS256, PS256 or ES256, found \"" + alg + "\"");
                return null;
            }
            return alg;
        });
        f.rejectEmpty("signingAlgorithms", "must name at least one algorithm (leave it out for RS256)");
        String encryptionFile = ConfigBinder.file(f, "encryptionKeyFile", f.text("encryptionKeyFile"), paths);
        String encryptionKid = ConfigBinder.kid(f, "encryptionKid", f.text("encryptionKid"));
        if (encryptionFile != null && encryptionKid == null && !f.has("encryptionKid")) {
            encryptionKid = kidFromCertificate(f, "encryptionKid", encryptionFile);
        }
        if (encryptionFile == null && f.has("encryptionKid")) {
            f.problem("encryptionKeyFile", "is required when encryptionKid is set");
        }
        if (kind == Participant.Kind.APP_GATEWAY && !f.has("encryptionKeyFile")) {
            f.problem("encryptionKeyFile", "is required for an APP_GATEWAY: the switch encrypts card data to it");
        }
        JweProfile jweProfile = f.enumeration("jweProfile", JweProfile.class, JweProfile.RSA_OAEP_256_A128GCM);
        String callbackUrl = url(f, "callbackUrl", f.text("callbackUrl"));
        if (kind == Participant.Kind.APP_GATEWAY && callbackUrl == null && !f.has("callbackUrl")) {
            f.problem("callbackUrl", "is required for an APP_GATEWAY: notifications are sent there");
        }
        Map<MessageType, String> callbackUrls = callbackUrls(f.mapping("callbackUrls"));
        List<MessageType> allowed = allowedTypes(f, kind);
        f.finish();
        return new ParticipantConfig(insId, kind, signingKeys, algorithms, encryptionKid, encryptionFile,
                jweProfile, callbackUrl, callbackUrls, allowed);
    }

    /**
     * Either a mapping {@code kid: file}, or a list of {@code {kid, file}} where the kid may be left out for an X.509
     * certificate (its serial number in decimal is the kid, decisions.md §10). Source order is kept: the first key
     * is the one development tooling uses.
     */
    private Map<String, String> signingKeys(Fields f) {
        Map<String, String> keys = new LinkedHashMap<>();
        YamlNode node = f.node("signingKeys");
        String path = f.key("signingKeys");
        if (node instanceof YamlNode.Mapping) {
            Fields entries = Fields.of(node, path, f.problems());
            for (Map.Entry<String, YamlNode> entry : entries.entries().entrySet()) {
                String kid = ConfigBinder.kid(entries, entry.getKey(), entry.getKey());
                String name = entry.getValue() instanceof YamlNode.Scalar s ? s.text() : null;
                if (name == null) {
                    entries.problem(entry.getKey(), "must be the file name of the public key or certificate");
                    continue;
                }
                String file = ConfigBinder.file(entries, entry.getKey(), name, paths);
                if (kid != null && file != null) {
                    keys.put(kid, file);
                }
            }
        } else if (node instanceof YamlNode.Sequence) {
            f.list("signingKeys", List.of(), e -> {
                Fields ref = e.fields();
                if (ref == null) {
                    return null;
                }
                String file = ConfigBinder.file(ref, "file", ref.required("file"), paths);
                String kid = ConfigBinder.kid(ref, "kid", ref.text("kid"));
                if (kid == null && file != null && !ref.has("kid")) {
                    kid = kidFromCertificate(ref, "kid", file);
                }
                ref.finish();
                if (kid != null && file != null && keys.putIfAbsent(kid, file) != null) {
                    ref.problem("kid", "kid \"" + kid + "\" is listed twice");
                }
                return kid;
            });
        } else if (node != null) {
            f.problem("signingKeys", "must map each kid to its public key file, found " + YamlNode.kindOf(node));
        }
        if (keys.isEmpty()) {
            f.problem("signingKeys", "is required: at least one kid and its public key file");
        }
        return Collections.unmodifiableMap(keys);
    }

    private String kidFromCertificate(Fields f, String key, String file) {
        Optional<String> serial;
        try {
            serial = KeyMaterial.certificateSerial(Files.readString(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            f.problem(key, "is required unless the key file is a readable X.509 certificate (" + file
                    + " cannot be read)");
            return null;
        }
        if (serial.isEmpty()) {
            f.problem(key, "is required unless the key file is an X.509 certificate, whose serial number is the kid");
            return null;
        }
        return serial.get();
    }

    private Map<MessageType, String> callbackUrls(Fields f) {
        Map<MessageType, String> urls = new EnumMap<>(MessageType.class);
        for (Map.Entry<String, YamlNode> entry : f.entries().entrySet()) {
            Optional<MessageType> type = Fields.parseEnum(entry.getKey(), MessageType.class)
                    .filter(t -> t.direction() == MessageType.Direction.TO_APP_GATEWAY);
            if (type.isEmpty()) {
                f.problem(entry.getKey(), "is not a message type the switch sends to an App Gateway "
                        + "(ADDITIONAL_PROCESSING, TRX_RESULT_NOTIFICATION, CARD_STATUS_NOTIFICATION)");
                continue;
            }
            String url = url(f, entry.getKey(), entry.getValue() instanceof YamlNode.Scalar s ? s.text() : null);
            if (url != null) {
                urls.put(type.get(), url);
            } else if (!(entry.getValue() instanceof YamlNode.Scalar s && s.text() != null)) {
                f.problem(entry.getKey(), "must be a URL");
            }
        }
        return Collections.unmodifiableMap(urls);
    }

    /** What the participant may send; by default everything its kind sends. */
    private List<MessageType> allowedTypes(Fields f, Participant.Kind kind) {
        MessageType.Direction direction = kind == Participant.Kind.ACQUIRER
                ? MessageType.Direction.FROM_ACQUIRER : MessageType.Direction.FROM_APP_GATEWAY;
        List<MessageType> all = new ArrayList<>();
        for (MessageType type : MessageType.values()) {
            if (type.direction() == direction) {
                all.add(type);
            }
        }
        f.rejectEmpty("allowedMessageTypes", "must name at least one message type (leave it out to allow all)");
        return f.list("allowedMessageTypes", List.copyOf(all), e -> {
            String name = e.text();
            if (name == null) {
                return null;
            }
            Optional<MessageType> type = Fields.parseEnum(name, MessageType.class);
            if (type.isEmpty() || type.get().direction() != direction) {
                e.problem("is not a message type an " + kind + " sends, found \"" + name + "\"");
                return null;
            }
            return type.get();
        });
    }

    private static String url(Fields f, String key, String value) {
        if (value == null) {
            return null;
        }
        String problem = Formats.httpUrl(value);
        if (problem != null) {
            f.problem(key, problem);
            return null;
        }
        return value;
    }
}
