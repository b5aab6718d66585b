package org.openscis.server.config;

import java.util.List;
import java.util.Map;
import org.openscis.codec.jose.JweProfile;
import org.openscis.router.MessageType;
import org.openscis.router.port.Participant;

/**
 * An App Gateway or acquirer. {@code signingKeys}: kid to public key file (several for rotation).
 * {@code signingAlgorithms}: allowed JWS algs (default [RS256]). {@code callbackUrls}: optional per-type overrides
 * of {@code callbackUrl}. {@code allowedMessageTypes}: what it may send (default: all of its kind).
 */
public record ParticipantConfig(
        String insId,
        Participant.Kind kind,
        Map<String, String> signingKeys,
        List<String> signingAlgorithms,
        String encryptionKid,
        String encryptionKeyFile,
        JweProfile jweProfile,
        String callbackUrl,
        Map<MessageType, String> callbackUrls,
        List<MessageType> allowedMessageTypes) {}
