package org.openscis.connector.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweResult;
import org.openscis.codec.jose.JwsParseResult;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;
import org.openscis.connector.cbs.CbsProtocol;

/**
 * A tiny blocking switch for tests: builds CBS envelopes, encrypts their JWE fields to the simulator's key, signs
 * them as the switch, POSTs them with the JDK client and checks the answer's signature and decrypts its
 * {@code accountInfo}.
 */
final class SimTestClient {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    /** What came back; {@code envelope} is null for a body without one, {@code plainTrxInfo} has JWE fields opened. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body, Envelope envelope, boolean signed,
            TrxInfo plainTrxInfo) {

        String code() {
            return envelope == null || envelope.msgResponse() == null ? null : envelope.msgResponse().responseCode();
        }

        String message() {
            return envelope.msgResponse().responseMsg();
        }
    }

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;
    private final PublicKey simSigningKey;
    private final String simSigningKid;

    SimTestClient(String baseUrl, Duration timeout) {
        this(baseUrl, timeout, SimKeys.CBS_SIGNING.getPublic(), SimKeys.CBS_SIGNING_KID);
    }

    /** A client that expects responses signed with {@code simSigningKey} under {@code simSigningKid}. */
    SimTestClient(String baseUrl, Duration timeout, PublicKey simSigningKey, String simSigningKid) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.simSigningKey = simSigningKey;
        this.simSigningKid = simSigningKid;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** Sends {@code plain} (JWE fields as nested objects) as the switch would. */
    Reply send(String msgType, String msgId, TrxInfo plain) throws IOException, InterruptedException {
        return post(CbsProtocol.defaultPath(msgType), body(msgType, msgId, plain));
    }

    /** The signed wire body of a message. */
    byte[] body(String msgType, String msgId, TrxInfo plain) {
        TrxInfo.Builder wire = plain.toBuilder();
        for (String name : CbsProtocol.JWE_REQUEST_FIELDS) {
            TrxInfo field = plain.object(name);
            if (field != null) {
                wire.put(name, JweCodec.encrypt(codec.encodeObject(field), SimKeys.CBS_ENCRYPTION.getPublic(),
                        SimKeys.CBS_ENCRYPTION_KID));
            }
        }
        MsgInfo msgInfo = new MsgInfo(CbsProtocol.VERSION, msgId, STAMP.format(Instant.now()), msgType, SimKeys.IIN);
        return codec.encode(Envelope.request(msgInfo, wire.build()));
    }

    /** A signed-ready body whose trxInfo goes out exactly as given (no JWE), for malformed-field tests. */
    byte[] plainBody(String msgType, String msgId, TrxInfo trx) {
        MsgInfo msgInfo = new MsgInfo(CbsProtocol.VERSION, msgId, STAMP.format(Instant.now()), msgType, SimKeys.IIN);
        return codec.encode(Envelope.request(msgInfo, trx));
    }

    /** POSTs {@code body} to {@code path} signed as the switch for that path. */
    Reply post(String path, byte[] body) throws IOException, InterruptedException {
        return post(path, body, sign(path, body));
    }

    /** POSTs {@code body} with the given UPI-JWS header value (null: none). */
    Reply post(String path, byte[] body, String upiJws) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (upiJws != null) {
            request.header("UPI-JWS", upiJws);
        }
        return exchange(request.build());
    }

    /** Any method to any path (admin endpoints, HTTP rules). */
    Reply call(String method, String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, publisher).build());
    }

    static String sign(String path, byte[] body) {
        UpiJwsHeader header = UpiJwsHeader.request("RS256", SimKeys.SWITCH_SIGNING_KID, UpiJws.newUuid(),
                Long.toString(Instant.now().getEpochSecond()), SimKeys.IIN, path);
        return UpiJws.sign(header, body, SimKeys.SWITCH_SIGNING.getPrivate());
    }

    private Reply exchange(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        Envelope envelope = codec.decode(body) instanceof DecodeResult.Ok ok ? ok.envelope() : null;
        boolean signed = verified(response.headers().firstValue("UPI-JWS").orElse(null), body, simSigningKey,
                simSigningKid);
        TrxInfo plain = envelope == null ? null : open(envelope.trxInfoOrEmpty());
        return new Reply(response.statusCode(), response.headers().map(), body, envelope, signed, plain);
    }

    /** Whether {@code body} carries a valid simulator signature in {@code upiJws}. */
    static boolean verified(List<String> upiJws, byte[] body) {
        return upiJws != null && upiJws.size() == 1
                && verified(upiJws.get(0), body, SimKeys.CBS_SIGNING.getPublic(), SimKeys.CBS_SIGNING_KID);
    }

    /** A response signature: three-name crit, UPI-APPID = the issuer, made with the simulator's key. */
    private static boolean verified(String upiJws, byte[] body, PublicKey key, String kid) {
        if (!(UpiJws.parse(upiJws, false) instanceof JwsParseResult.Ok ok)) {
            return false;
        }
        UpiJwsHeader header = ok.jws().header();
        return header.reqPath() == null && UpiJwsHeader.critFor(false).equals(header.crit())
                && SimKeys.IIN.equals(header.appId()) && kid.equals(header.kid())
                && UpiJws.verify(ok.jws(), body, key);
    }

    private TrxInfo open(TrxInfo trx) {
        TrxInfo.Builder plain = trx.toBuilder();
        for (String name : CbsProtocol.JWE_RESPONSE_FIELDS) {
            String compact = trx.string(name);
            if (compact != null) {
                JweResult result = JweCodec.decrypt(compact,
                        kid -> SimKeys.SWITCH_ENCRYPTION_KID.equals(kid) ? SimKeys.SWITCH_ENCRYPTION.getPrivate()
                                : null);
                if (!(result instanceof JweResult.Ok ok)) {
                    throw new AssertionError(name + " in the response does not decrypt: " + result);
                }
                plain.put(name, codec.decodeObject(ok.plaintext()));
            }
        }
        return plain.build();
    }
}
