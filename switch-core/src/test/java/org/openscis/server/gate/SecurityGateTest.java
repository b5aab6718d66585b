package org.openscis.server.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;
import org.openscis.router.MessageType;
import org.openscis.router.port.KeyRegistry;
import org.openscis.router.port.Participant;
import org.openscis.server.config.SecurityConfig;
import org.openscis.server.testing.MutableClock;
import org.openscis.server.testing.TestKeyPairs;

/** Each step of decisions.md §3 in order, with real signatures. */
class SecurityGateTest {

    private static final String INS = "39990157";
    private static final String KID = "2000000000001";
    private static final String PATH = "/scis/switch/cvminquiry";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final Set<String> seenUuids = new HashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private Set<MessageType> allowed = EnumSet.of(MessageType.CVM_INQUIRY);
    private SecurityConfig.ReqPathCheck reqPathCheck = SecurityConfig.ReqPathCheck.STRICT;
    private Participant.Kind kind = Participant.Kind.APP_GATEWAY;

    private SecurityGate gate() {
        Participant p = new Participant(INS, kind, allowed, "e1", null,
                JweProfile.RSA_OAEP_256_A128GCM, null);
        ParticipantDirectory dir = insId -> INS.equals(insId)
                ? Optional.of(new ParticipantEntry(p, Set.of("RS256"))) : Optional.empty();
        KeyRegistry keys = new KeyRegistry() {
            @Override
            public Optional<PublicKey> signingKey(String insId, String kid) {
                return INS.equals(insId) && KID.equals(kid) ? Optional.of(TestKeyPairs.RSA_A.getPublic())
                        : Optional.empty();
            }

            @Override
            public boolean addSigningKey(String insId, String kid, PublicKey key) {
                return false;
            }

            @Override
            public boolean addEncryptionKey(String insId, String kid, PublicKey key) {
                return false;
            }
        };
        ReplayWindow replay = (insId, uuid, expiresAt) -> seenUuids.add(insId + "/" + uuid);
        SecurityConfig cfg = new SecurityConfig(Duration.ofSeconds(300), true, reqPathCheck, Duration.ofHours(48), 5,
                Duration.ofHours(24));
        return new SecurityGate(dir, keys, replay, cfg, clock, ZoneOffset.UTC, warnings::add);
    }

    private static byte[] body(String msgType, String insId) {
        return ("{\"msgInfo\":{\"versionNo\":\"1.0.0\",\"msgID\":\"A3999015720261125120000123456\","
                + "\"timeStamp\":\"20261125120000\",\"msgType\":\"" + msgType + "\",\"insID\":\"" + insId
                + "\"},\"trxInfo\":{}}").getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(byte[] body, String appId, String reqPath, long ts, String uuid) {
        return UpiJws.sign(UpiJwsHeader.request("RS256", KID, uuid, Long.toString(ts), appId, reqPath), body,
                TestKeyPairs.RSA_A.getPrivate());
    }

    private GateDecision check(String jws, byte[] body) {
        return gate().check(new InboundMessage(MessageType.CVM_INQUIRY, PATH, jws, body, codec.decode(body)));
    }

    private GateDecision checkSigned(byte[] body) {
        return check(sign(body, INS, PATH, NOW.getEpochSecond(), UpiJws.newUuid()), body);
    }

    private static void assertRejected(GateDecision d, ResponseCode code, String reason) {
        assertThat(d).isInstanceOf(GateDecision.Rejected.class);
        GateDecision.Rejected r = (GateDecision.Rejected) d;
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.reason()).isEqualTo(reason);
    }

    @Test
    void validRequestIsAdmitted() {
        GateDecision d = checkSigned(body("CVM_INQUIRY", INS));
        assertThat(d).isInstanceOf(GateDecision.Admitted.class);
        assertThat(((GateDecision.Admitted) d).participant().insId()).isEqualTo(INS);
    }

    @Test
    void unreadableBodyIsHttp400EvenUnsigned() {
        byte[] junk = "not json".getBytes(StandardCharsets.UTF_8);
        assertThat(check(null, junk)).isInstanceOf(GateDecision.Unreadable.class);
    }

    @Test
    void missingOrMalformedHeaderIsA0() {
        byte[] body = body("CVM_INQUIRY", INS);
        assertRejected(check(null, body), ResponseCode.SIGNATURE_FAILURE, "missing_jws");
        assertRejected(check("a.b.c", body), ResponseCode.SIGNATURE_FAILURE, "malformed_jws");
    }

    @Test
    void responseFormWithoutReqPathIsA0() {
        byte[] body = body("CVM_INQUIRY", INS);
        String jws = UpiJws.sign(UpiJwsHeader.response("RS256", KID, UpiJws.newUuid(),
                Long.toString(NOW.getEpochSecond()), INS), body, TestKeyPairs.RSA_A.getPrivate());
        assertRejected(check(jws, body), ResponseCode.SIGNATURE_FAILURE, "crit");
    }

    @Test
    void unknownParticipantAndKidAreA0() {
        byte[] body = body("CVM_INQUIRY", "39990000");
        assertRejected(check(sign(body, "39990000", PATH, NOW.getEpochSecond(), UpiJws.newUuid()), body),
                ResponseCode.SIGNATURE_FAILURE, "unknown_participant");
        byte[] ok = body("CVM_INQUIRY", INS);
        String otherKid = UpiJws.sign(UpiJwsHeader.request("RS256", "999", UpiJws.newUuid(),
                Long.toString(NOW.getEpochSecond()), INS, PATH), ok, TestKeyPairs.RSA_A.getPrivate());
        assertRejected(check(otherKid, ok), ResponseCode.SIGNATURE_FAILURE, "unknown_kid");
    }

    @Test
    void tamperedBodyIsA0() {
        byte[] body = body("CVM_INQUIRY", INS);
        String jws = sign(body, INS, PATH, NOW.getEpochSecond(), UpiJws.newUuid());
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("{}", "{\"a\":\"b\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertRejected(check(jws, tampered), ResponseCode.SIGNATURE_FAILURE, "bad_signature");
    }

    @Test
    void wrongKeyIsA0() {
        byte[] body = body("CVM_INQUIRY", INS);
        String jws = UpiJws.sign(UpiJwsHeader.request("RS256", KID, UpiJws.newUuid(),
                Long.toString(NOW.getEpochSecond()), INS, PATH), body, TestKeyPairs.RSA_B.getPrivate());
        assertRejected(check(jws, body), ResponseCode.SIGNATURE_FAILURE, "bad_signature");
    }

    @Test
    void staleTimestampIsA0() {
        byte[] body = body("CVM_INQUIRY", INS);
        assertRejected(check(sign(body, INS, PATH, NOW.getEpochSecond() - 301, UpiJws.newUuid()), body),
                ResponseCode.SIGNATURE_FAILURE, "stale_timestamp");
        assertRejected(check(sign(body, INS, PATH, NOW.getEpochSecond() + 301, UpiJws.newUuid()), body),
                ResponseCode.SIGNATURE_FAILURE, "stale_timestamp");
        assertThat(check(sign(body, INS, PATH, NOW.getEpochSecond() - 299, UpiJws.newUuid()), body))
                .isInstanceOf(GateDecision.Admitted.class);
    }

    @Test
    void replayIsA0() {
        byte[] body = body("CVM_INQUIRY", INS);
        String jws = sign(body, INS, PATH, NOW.getEpochSecond(), UpiJws.newUuid());
        assertThat(check(jws, body)).isInstanceOf(GateDecision.Admitted.class);
        assertRejected(check(jws, body), ResponseCode.SIGNATURE_FAILURE, "replayed_uuid");
    }

    @Test
    void badSignatureDoesNotConsumeTheUuid() {
        byte[] body = body("CVM_INQUIRY", INS);
        String uuid = UpiJws.newUuid();
        String forged = UpiJws.sign(UpiJwsHeader.request("RS256", KID, uuid, Long.toString(NOW.getEpochSecond()),
                INS, PATH), body, TestKeyPairs.RSA_B.getPrivate());
        assertRejected(check(forged, body), ResponseCode.SIGNATURE_FAILURE, "bad_signature");
        assertThat(check(sign(body, INS, PATH, NOW.getEpochSecond(), uuid), body))
                .isInstanceOf(GateDecision.Admitted.class);
    }

    @Test
    void invalidMsgInfoIs30() {
        byte[] body = ("{\"msgInfo\":{\"versionNo\":\"1.0\",\"msgID\":\"A3999015720261125120000123456\","
                + "\"timeStamp\":\"20261125120000\",\"msgType\":\"CVM_INQUIRY\",\"insID\":\"" + INS + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        assertRejected(checkSigned(body), ResponseCode.FORMAT_ERROR, "invalid_msginfo");
    }

    @Test
    void appIdMismatchIsA0() {
        byte[] body = body("CVM_INQUIRY", "39990158");
        assertRejected(checkSigned(body), ResponseCode.SIGNATURE_FAILURE, "appid_mismatch");
    }

    @Test
    void reqPathMismatchIsA0WhenStrictAndAWarningOtherwise() {
        byte[] body = body("CVM_INQUIRY", INS);
        String jws = sign(body, INS, "/scis/switch/kycverify", NOW.getEpochSecond(), UpiJws.newUuid());
        assertRejected(check(jws, body), ResponseCode.SIGNATURE_FAILURE, "reqpath_mismatch");
        reqPathCheck = SecurityConfig.ReqPathCheck.WARN;
        String again = sign(body, INS, "/scis/switch/kycverify", NOW.getEpochSecond(), UpiJws.newUuid());
        assertThat(check(again, body)).isInstanceOf(GateDecision.Admitted.class);
        assertThat(warnings).containsExactly("reqpath_mismatch");
    }

    @Test
    void msgTypeNotMatchingPathIs30() {
        assertRejected(checkSigned(body("CARD_ENROLLMENT", INS)), ResponseCode.FORMAT_ERROR, "msgtype_mismatch");
    }

    @Test
    void typeNotAllowedIs40() {
        allowed = EnumSet.of(MessageType.CARD_ENROLLMENT);
        assertRejected(checkSigned(body("CVM_INQUIRY", INS)), ResponseCode.NOT_SUPPORTED, "type_not_allowed");
    }

    /** Even a misconfigured allow list cannot let one kind of participant send the other kind's messages. */
    @Test
    void acquirerMessagesOnlyFromAcquirersAndAppGatewayMessagesOnlyFromAppGateways() {
        allowed = EnumSet.allOf(MessageType.class);
        for (MessageType type : List.of(MessageType.CPQRC_PAYMENT, MessageType.REFUND, MessageType.CANCELLATION)) {
            kind = Participant.Kind.APP_GATEWAY;
            assertRejected(checkSignedAt(type), ResponseCode.NOT_SUPPORTED, "type_not_allowed");
            kind = Participant.Kind.ACQUIRER;
            assertThat(checkSignedAt(type)).isInstanceOf(GateDecision.Admitted.class);
        }
        kind = Participant.Kind.ACQUIRER;
        assertRejected(checkSignedAt(MessageType.CVM_INQUIRY), ResponseCode.NOT_SUPPORTED, "type_not_allowed");
        assertRejected(checkSignedAt(MessageType.TRX_RESULT_INQUIRY), ResponseCode.NOT_SUPPORTED,
                "type_not_allowed");
    }

    @Test
    void acquirerTypeNotInItsAllowListIs40() {
        kind = Participant.Kind.ACQUIRER;
        allowed = EnumSet.of(MessageType.CPQRC_PAYMENT);
        assertThat(checkSignedAt(MessageType.CPQRC_PAYMENT)).isInstanceOf(GateDecision.Admitted.class);
        assertRejected(checkSignedAt(MessageType.REFUND), ResponseCode.NOT_SUPPORTED, "type_not_allowed");
    }

    private GateDecision checkSignedAt(MessageType type) {
        byte[] body = body(type.name(), INS);
        String jws = sign(body, INS, type.path(), NOW.getEpochSecond(), UpiJws.newUuid());
        return gate().check(new InboundMessage(type, type.path(), jws, body, codec.decode(body)));
    }

    @Test
    void algNoneIsA0() {
        byte[] body = body("CVM_INQUIRY", INS);
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"alg\":\"none\",\"kid\":\"" + KID + "\",\"crit\":[\"UPI-UUID\",\"UPI-TIMESTAMP\",\"UPI-APPID\","
                        + "\"UPI-REQPATH\"],\"UPI-UUID\":\"" + UpiJws.newUuid() + "\",\"UPI-TIMESTAMP\":\""
                        + NOW.getEpochSecond() + "\",\"UPI-APPID\":\"" + INS + "\",\"UPI-REQPATH\":\"" + PATH + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertRejected(check(header + "..", body), ResponseCode.SIGNATURE_FAILURE, "malformed_jws");
    }

    @Test
    void oldMsgTimestampIs30() {
        clock.advance(Duration.ofHours(49));
        byte[] body = body("CVM_INQUIRY", INS);
        String jws = sign(body, INS, PATH, clock.instant().getEpochSecond(), UpiJws.newUuid());
        assertRejected(check(jws, body), ResponseCode.FORMAT_ERROR, "msg_too_old");
    }
}
