package org.openscis.connector.link;

import java.security.PublicKey;
import java.util.Optional;
import java.util.function.BiFunction;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.jose.JwsParseResult;
import org.openscis.codec.jose.ParsedJws;
import org.openscis.codec.jose.UpiJws;
import org.openscis.connector.link.LinkResult.NoAnswer;
import org.openscis.connector.link.LinkResult.NoAnswerReason;

/**
 * Turns a complete response into a {@link LinkResult}: the {@code UPI-JWS} must parse (leniently, as peers pad),
 * name the caller's appId (protocol.md §4.4: responses carry the requesting institution's id), name a key the
 * peer-key lookup knows for that appId, and verify over the raw body; only then is the body decoded. Never throws.
 */
final class ResponseVerifier {

    private final BiFunction<String, String, Optional<PublicKey>> peerKeys;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    ResponseVerifier(BiFunction<String, String, Optional<PublicKey>> peerKeys) {
        this.peerKeys = peerKeys;
    }

    LinkResult verify(ExchangeOutcome.Response response, String appId) {
        try {
            return check(response, appId);
        } catch (RuntimeException e) {
            return new NoAnswer(NoAnswerReason.BAD_RESPONSE, "response could not be checked: "
                    + e.getClass().getSimpleName());
        }
    }

    private LinkResult check(ExchangeOutcome.Response response, String appId) {
        String status = "HTTP " + response.status() + " ";
        if (response.upiJws() == null) {
            return badSignature(status + "response without UPI-JWS");
        }
        JwsParseResult parsed = UpiJws.parse(response.upiJws(), true);
        if (parsed instanceof JwsParseResult.Failed failed) {
            return badSignature(status + "response UPI-JWS unusable: " + failed.reason());
        }
        ParsedJws jws = ((JwsParseResult.Ok) parsed).jws();
        if (!appId.equals(jws.header().appId())) {
            return badSignature(status + "response UPI-APPID is not the caller's");
        }
        Optional<PublicKey> key = keyFor(appId, jws.header().kid());
        if (key.isEmpty()) {
            return badSignature(status + "no public key for the response kid");
        }
        if (!UpiJws.verify(jws, response.body(), key.get())) {
            return badSignature(status + "response signature does not verify");
        }
        DecodeResult decoded = codec.decode(response.body());
        if (decoded instanceof DecodeResult.Unreadable unreadable) {
            return new NoAnswer(NoAnswerReason.BAD_RESPONSE, status + "response body unreadable: "
                    + unreadable.reason());
        }
        return new LinkResult.Answered(response.status(), ((DecodeResult.Ok) decoded).envelope(), response.body());
    }

    private Optional<PublicKey> keyFor(String appId, String kid) {
        try {
            Optional<PublicKey> key = peerKeys.apply(appId, kid);
            return key == null ? Optional.empty() : key;
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static LinkResult badSignature(String detail) {
        return new NoAnswer(NoAnswerReason.BAD_SIGNATURE, detail);
    }
}
