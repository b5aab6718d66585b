package org.openscis.connector.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;
import org.openscis.connector.link.LinkResult.Answered;
import org.openscis.connector.link.LinkResult.NoAnswer;
import org.openscis.connector.link.LinkResult.NoAnswerReason;

class ResponseVerifierTest {

    private static final String APP_ID = "12345678";
    private static final byte[] BODY = ("{\"msgInfo\":{\"versionNo\":\"1.0.0\",\"msgID\":\"U123\",\"timeStamp\":"
            + "\"20250101000000\",\"msgType\":\"X\",\"insID\":\"12345678\"},\"msgResponse\":{\"responseCode\":\"00\","
            + "\"responseMsg\":\"Approved\"}}").getBytes(StandardCharsets.UTF_8);

    private final ResponseVerifier verifier = new ResponseVerifier(ResponseVerifierTest::keys);

    private static Optional<PublicKey> keys(String appId, String kid) {
        if ("boom".equals(kid)) {
            throw new IllegalStateException("key store down");
        }
        return APP_ID.equals(appId) && LinkTestKeys.PEER_KID.equals(kid)
                ? Optional.of(LinkTestKeys.PEER_SIGNING.getPublic()) : Optional.empty();
    }

    private static String sign(byte[] body, KeyPair pair, String kid, String appId) {
        return UpiJws.sign(UpiJwsHeader.response("RSA".equals(pair.getPrivate().getAlgorithm()) ? "RS256" : "ES256",
                kid, UpiJws.newUuid(), "1700000000", appId), body, pair.getPrivate());
    }

    private LinkResult verify(int status, String jws, byte[] body) {
        return verifier.verify(new ExchangeOutcome.Response(status, true, jws, body), APP_ID);
    }

    private static void assertNoAnswer(LinkResult r, NoAnswerReason reason, String detail) {
        assertThat(r).isInstanceOf(NoAnswer.class);
        assertThat(((NoAnswer) r).reason()).isEqualTo(reason);
        assertThat(((NoAnswer) r).detail()).contains(detail);
    }

    @Test
    void aSignedEnvelopeIsAnAnswerWithItsStatusAndRawBody() {
        LinkResult r = verify(202, sign(BODY, LinkTestKeys.PEER_SIGNING, LinkTestKeys.PEER_KID, APP_ID), BODY);

        assertThat(r).isInstanceOf(Answered.class);
        assertThat(((Answered) r).httpStatus()).isEqualTo(202);
        assertThat(((Answered) r).body()).isEqualTo(BODY);
        assertThat(((Answered) r).envelope().msgInfo().msgID()).isEqualTo("U123");
    }

    @Test
    void aMissingOrGarbledHeaderIsABadSignature() {
        assertNoAnswer(verify(200, null, BODY), NoAnswerReason.BAD_SIGNATURE, "without UPI-JWS");
        assertNoAnswer(verify(200, "not a jws", BODY), NoAnswerReason.BAD_SIGNATURE, "unusable");
    }

    @Test
    void anotherAppIdOrAnUnknownKidOrAFailingLookupIsABadSignature() {
        assertNoAnswer(verify(200, sign(BODY, LinkTestKeys.PEER_SIGNING, LinkTestKeys.PEER_KID, "87654321"), BODY),
                NoAnswerReason.BAD_SIGNATURE, "UPI-APPID");
        assertNoAnswer(verify(200, sign(BODY, LinkTestKeys.PEER_SIGNING, "77", APP_ID), BODY),
                NoAnswerReason.BAD_SIGNATURE, "no public key");
        assertNoAnswer(verify(200, sign(BODY, LinkTestKeys.PEER_SIGNING, "boom", APP_ID), BODY),
                NoAnswerReason.BAD_SIGNATURE, "no public key");
    }

    @Test
    void aTamperedBodyOrAnotherKeyIsABadSignature() {
        String jws = sign(BODY, LinkTestKeys.PEER_SIGNING, LinkTestKeys.PEER_KID, APP_ID);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 5] = '1';

        assertNoAnswer(verify(200, jws, tampered), NoAnswerReason.BAD_SIGNATURE, "does not verify");
        assertNoAnswer(verify(200, sign(BODY, LinkTestKeys.SWITCH_SIGNING, LinkTestKeys.PEER_KID, APP_ID), BODY),
                NoAnswerReason.BAD_SIGNATURE, "does not verify");
    }

    @Test
    void aSignedBodyThatIsNoEnvelopeIsABadResponse() {
        byte[] body = "[1,2]".getBytes(StandardCharsets.UTF_8);

        assertNoAnswer(verify(200, sign(body, LinkTestKeys.PEER_SIGNING, LinkTestKeys.PEER_KID, APP_ID), body),
                NoAnswerReason.BAD_RESPONSE, "unreadable");
    }
}
