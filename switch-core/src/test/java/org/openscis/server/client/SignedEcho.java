package org.openscis.server.client;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.MsgResponse;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.JweResult;
import org.openscis.codec.jose.JwsParseResult;
import org.openscis.codec.jose.ParsedJws;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;

/**
 * A fake-switch responder that behaves like the real one in miniature: checks the request's UPI-JWS (four-name
 * form, our path, the client's key), answers {@code 00} with the request's msgInfo echoed, or {@code A0} when the
 * signature is wrong, signing the response in the three-name form. Tests pick a {@link Tamper} to make the
 * response's signature wrong in one specific way.
 */
final class SignedEcho implements Function<FakeSwitch.Received, FakeSwitch.Answer> {

    static final String PAN = "6233001234567890060";
    static final String TOKEN = "6292610358444335641";

    enum Tamper { NONE, BODY_AFTER_SIGNING, STRANGER_KEY, WRONG_KID, WITH_REQPATH, WRONG_APPID, NO_HEADER, OLD_TIMESTAMP }

    private static final List<String> RESPONSE_CRIT = List.of(UpiJwsHeader.UUID, UpiJwsHeader.TIMESTAMP,
            UpiJwsHeader.APPID);
    private static final Set<String> REQUEST_CRIT = Set.of(UpiJwsHeader.UUID, UpiJwsHeader.TIMESTAMP,
            UpiJwsHeader.APPID, UpiJwsHeader.REQPATH);

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Tamper tamper;

    SignedEcho(Tamper tamper) {
        this.tamper = tamper;
    }

    SignedEcho() {
        this(Tamper.NONE);
    }

    @Override
    public FakeSwitch.Answer apply(FakeSwitch.Received r) {
        DecodeResult decoded = codec.decode(r.body());
        if (!(decoded instanceof DecodeResult.Ok ok) || ok.envelope().msgInfo() == null) {
            byte[] body = codec.encode(new Envelope(null, null, new MsgResponse("30", "Message format error")));
            return signed(400, body, TestKeys.INS_ID);
        }
        Envelope request = ok.envelope();
        String problem = requestProblem(r);
        MsgResponse response = problem == null ? new MsgResponse("00", "Approved")
                : new MsgResponse("A0", "Signature verification fails. " + problem);
        TrxInfo trx = problem == null ? answerTrx(request.trxInfoOrEmpty()) : null;
        MsgInfo echoed = request.msgInfo().withTimeStamp(request.msgInfo().timeStamp());
        byte[] body = codec.encode(Envelope.response(echoed, trx, response));
        return signed(200, body, request.msgInfo().insID());
    }

    /** What the request check found wrong, or null. Also decrypts cvmInfo to prove the client encrypted it. */
    private String requestProblem(FakeSwitch.Received r) {
        String value = r.header("UPI-JWS");
        if (value == null) {
            return "no UPI-JWS";
        }
        JwsParseResult parsed = UpiJws.parse(value, false);
        if (!(parsed instanceof JwsParseResult.Ok ok)) {
            return "malformed";
        }
        ParsedJws jws = ok.jws();
        UpiJwsHeader h = jws.header();
        if (!TestKeys.CLIENT_SIGNING_KID.equals(h.kid()) || !new HashSet<>(h.crit()).equals(REQUEST_CRIT)
                || !r.path().equals(h.reqPath()) || !TestKeys.INS_ID.equals(h.appId())) {
            return "header";
        }
        return UpiJws.verify(jws, r.body(), TestKeys.CLIENT_SIGNING.getPublic()) ? null : "signature";
    }

    /**
     * The response trxInfo: what the switch decrypted from cvmInfo (as {@code cvmInfoSeen}) plus, when the request
     * asks with {@code "wantPan":"Y"}, a {@code pan} and an {@code accountInfo} encrypted to the client.
     */
    private TrxInfo answerTrx(TrxInfo request) {
        TrxInfo.Builder b = TrxInfo.builder().put("token", TOKEN);
        String cvm = request.string("cvmInfo");
        if (cvm != null) {
            JweResult result = JweCodec.decrypt(cvm,
                    kid -> TestKeys.SWITCH_ENCRYPTION_KID.equals(kid) ? TestKeys.SWITCH_ENCRYPTION.getPrivate() : null);
            b.put("cvmInfoSeen", result instanceof JweResult.Ok o
                    ? new String(o.plaintext(), StandardCharsets.UTF_8) : "not decryptable");
        }
        if ("Y".equals(request.string("wantPan"))) {
            b.put("pan", toClient(PAN.getBytes(StandardCharsets.US_ASCII)));
            b.put("accountInfo", toClient(codec.encodeObject(TrxInfo.builder().put("pan", PAN)
                    .put("accountNo", "0012345678").put("firstName", "Mei").build())));
        }
        return b.build();
    }

    private static String toClient(byte[] plaintext) {
        return JweCodec.encrypt(plaintext, TestKeys.CLIENT_ENCRYPTION.getPublic(), TestKeys.CLIENT_ENCRYPTION_KID,
                JweProfile.RSA_OAEP_256_A128GCM);
    }

    private FakeSwitch.Answer signed(int status, byte[] body, String appId) {
        PrivateKey key = tamper == Tamper.STRANGER_KEY ? TestKeys.STRANGER.getPrivate()
                : TestKeys.SWITCH_SIGNING.getPrivate();
        String kid = tamper == Tamper.WRONG_KID ? "999" : TestKeys.SWITCH_SIGNING_KID;
        long now = Instant.now().getEpochSecond();
        String timestamp = Long.toString(tamper == Tamper.OLD_TIMESTAMP ? now - 3600 : now);
        String reqPath = tamper == Tamper.WITH_REQPATH ? "/scis/switch/cvminquiry" : null;
        List<String> crit = reqPath == null ? RESPONSE_CRIT
                : List.of(UpiJwsHeader.UUID, UpiJwsHeader.TIMESTAMP, UpiJwsHeader.APPID, UpiJwsHeader.REQPATH);
        String app = tamper == Tamper.WRONG_APPID ? "39990000" : appId;
        String jws = UpiJws.sign(new UpiJwsHeader("RS256", kid, crit, UpiJws.newUuid(), timestamp, app, reqPath), body,
                key);
        byte[] sent = body;
        if (tamper == Tamper.BODY_AFTER_SIGNING) {
            sent = new String(body, StandardCharsets.UTF_8).replace("\"Approved\"", "\"Approvee\"")
                    .getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> headers = tamper == Tamper.NO_HEADER
                ? Map.of("Content-Type", "application/json;charset=UTF-8")
                : Map.of("Content-Type", "application/json;charset=UTF-8", "UPI-JWS", jws);
        return new FakeSwitch.Answer.Full(status, headers, sent, false);
    }
}
