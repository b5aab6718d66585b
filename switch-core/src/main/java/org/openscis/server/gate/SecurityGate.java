package org.openscis.server.gate;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.FieldError;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.jose.JwsParseResult;
import org.openscis.codec.jose.ParsedJws;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;
import org.openscis.router.MessageType;
import org.openscis.router.port.KeyRegistry;
import org.openscis.router.port.Participant;
import org.openscis.server.config.SecurityConfig;

/**
 * Runs the checks of decisions.md §3 in order; the first failure decides. A body with no readable envelope is
 * refused before the gate (HTTP 400, decisions.md §2), since no signed envelope can answer it.
 */
public final class SecurityGate {

    private static final List<String> REQUEST_CRIT =
            List.of(UpiJwsHeader.UUID, UpiJwsHeader.TIMESTAMP, UpiJwsHeader.APPID, UpiJwsHeader.REQPATH);
    private static final DateTimeFormatter MSG_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private final ParticipantDirectory participants;
    private final KeyRegistry keys;
    private final ReplayWindow replayWindow;
    private final SecurityConfig config;
    private final Clock clock;
    private final ZoneId messageZone;
    private final Consumer<String> warnings;

    /**
     * @param messageZone the zone {@code msgInfo.timeStamp} is read in (the spec gives none; see docs/decisions)
     * @param warnings    receives a metric tag for each check that only warns (REQPATH in WARN mode)
     */
    public SecurityGate(ParticipantDirectory participants, KeyRegistry keys, ReplayWindow replayWindow,
            SecurityConfig config, Clock clock, ZoneId messageZone, Consumer<String> warnings) {
        this.participants = participants;
        this.keys = keys;
        this.replayWindow = replayWindow;
        this.config = config;
        this.clock = clock;
        this.messageZone = messageZone;
        this.warnings = warnings;
    }

    public GateDecision check(InboundMessage in) {
        if (!(in.decoded() instanceof DecodeResult.Ok ok)) {
            return new GateDecision.Unreadable(((DecodeResult.Unreadable) in.decoded()).reason(), claimedAppId(in));
        }
        Envelope envelope = ok.envelope();
        MsgInfo echo = envelope.msgInfo();
        String echoAppId = echo.insID();

        // 1. header present and well formed
        if (in.upiJws() == null || in.upiJws().isBlank()) {
            return reject("missing_jws", "UPI-JWS header missing", echo, echoAppId);
        }
        JwsParseResult parsed = UpiJws.parse(in.upiJws(), config.lenientSignatureEncoding());
        if (parsed instanceof JwsParseResult.Failed f) {
            return reject("malformed_jws", "UPI-JWS " + f.reason(), echo, echoAppId);
        }
        ParsedJws jws = ((JwsParseResult.Ok) parsed).jws();
        UpiJwsHeader header = jws.header();
        // 2. critical parameters of the request form
        if (!header.crit().containsAll(REQUEST_CRIT) || header.reqPath() == null) {
            return reject("crit", "UPI-JWS crit must list " + REQUEST_CRIT, echo, echoAppId);
        }
        // 3. participant and key
        Optional<ParticipantEntry> entry = participants.find(header.appId());
        if (entry.isEmpty()) {
            return reject("unknown_participant", "unknown UPI-APPID", echo, echoAppId);
        }
        if (!entry.get().signingAlgorithms().contains(header.alg())) {
            return reject("alg_not_allowed", "alg not allowed for this participant", echo, echoAppId);
        }
        Optional<PublicKey> key = keys.signingKey(header.appId(), header.kid());
        if (key.isEmpty()) {
            return reject("unknown_kid", "unknown kid", echo, echoAppId);
        }
        // 4. signature over the raw body
        if (!UpiJws.verify(jws, in.body(), key.get())) {
            return reject("bad_signature", "signature does not verify", echo, echoAppId);
        }
        // 5. timestamp window
        Instant now = clock.instant();
        long signedAt;
        try {
            signedAt = Long.parseLong(header.timestamp());
        } catch (NumberFormatException e) {
            return reject("stale_timestamp", "UPI-TIMESTAMP is not a number", echo, echoAppId);
        }
        long skew = config.timestampSkew().toSeconds();
        if (Math.abs(now.getEpochSecond() - signedAt) > skew) {
            return reject("stale_timestamp", "UPI-TIMESTAMP outside the allowed window", echo, echoAppId);
        }
        // 6. replay
        Instant expiresAt = Instant.ofEpochSecond(Math.max(signedAt, now.getEpochSecond()) + skew);
        if (!replayWindow.firstSeen(header.appId(), header.uuid(), expiresAt)) {
            return reject("replayed_uuid", "UPI-UUID already used", echo, echoAppId);
        }
        // 7. envelope fields
        FieldError msgInfoError = EnvelopeCodec.validateMsgInfo(echo);
        if (msgInfoError != null) {
            return reject(ResponseCode.FORMAT_ERROR, "invalid_msginfo", "msgInfo." + msgInfoError, echo, header.appId());
        }
        if (tooOld(echo.timeStamp(), now)) {
            return reject(ResponseCode.FORMAT_ERROR, "msg_too_old", "msgInfo.timeStamp older than the retention",
                    echo, header.appId());
        }
        // 8. consistency of header, envelope and path
        if (!header.appId().equals(echo.insID())) {
            return reject("appid_mismatch", "UPI-APPID does not match msgInfo.insID", echo, header.appId());
        }
        if (!header.reqPath().equals(in.path())) {
            if (config.reqPathCheck() == SecurityConfig.ReqPathCheck.STRICT) {
                return reject("reqpath_mismatch", "UPI-REQPATH does not match the path", echo, header.appId());
            }
            warnings.accept("reqpath_mismatch");
        }
        if (!in.pathType().name().equals(echo.msgType())) {
            return reject(ResponseCode.FORMAT_ERROR, "msgtype_mismatch", "msgInfo.msgType does not match the path",
                    echo, header.appId());
        }
        // 9. permission
        Participant participant = entry.get().participant();
        if (!participant.maysend(in.pathType()) || !kindMatches(participant, in.pathType())) {
            return reject(ResponseCode.NOT_SUPPORTED, "type_not_allowed", "message type not enabled for participant",
                    echo, header.appId());
        }
        return new GateDecision.Admitted(in.pathType(), envelope, participant);
    }

    private boolean tooOld(String timeStamp, Instant now) {
        try {
            Instant sent = LocalDateTime.parse(timeStamp, MSG_TIMESTAMP).atZone(messageZone).toInstant();
            return Duration.between(sent, now).compareTo(config.idempotencyRetention()) > 0;
        } catch (DateTimeParseException e) {
            return false; // format problems were reported by validateMsgInfo
        }
    }

    private static boolean kindMatches(Participant participant, MessageType type) {
        return switch (type.direction()) {
            case FROM_APP_GATEWAY -> participant.kind() == Participant.Kind.APP_GATEWAY;
            case FROM_ACQUIRER -> participant.kind() == Participant.Kind.ACQUIRER;
            case TO_APP_GATEWAY -> false;
        };
    }

    private static String claimedAppId(InboundMessage in) {
        if (in.upiJws() == null) {
            return "";
        }
        JwsParseResult parsed = UpiJws.parse(in.upiJws(), true);
        return parsed instanceof JwsParseResult.Ok ok && ok.jws().header().appId() != null
                ? ok.jws().header().appId() : "";
    }

    private static GateDecision.Rejected reject(String reason, String detail, MsgInfo echo, String appId) {
        return reject(ResponseCode.SIGNATURE_FAILURE, reason, detail, echo, appId);
    }

    private static GateDecision.Rejected reject(ResponseCode code, String reason, String detail, MsgInfo echo,
            String appId) {
        return new GateDecision.Rejected(code, reason, detail, echo, appId == null ? "" : appId);
    }
}
