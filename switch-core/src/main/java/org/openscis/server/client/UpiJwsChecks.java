package org.openscis.server.client;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openscis.codec.jose.JwsParseResult;
import org.openscis.codec.jose.ParsedJws;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;

/**
 * Checks what the switch signs for us (decisions.md §3): responses carry the three-name form with
 * {@code UPI-APPID} = our insID; callbacks carry the four-name form with {@code UPI-REQPATH} = the path they were
 * sent to. Both must name the switch's signing kid, verify over the raw body bytes, and have a
 * {@code UPI-TIMESTAMP} within the allowed clock skew. The signature segment must be strict base64url: the client
 * is a test instrument for our own switch, so it does not forgive what real-world servers get wrong.
 */
final class UpiJwsChecks {

    private static final Set<String> RESPONSE_CRIT = Set.of(UpiJwsHeader.UUID, UpiJwsHeader.TIMESTAMP,
            UpiJwsHeader.APPID);
    private static final Set<String> REQUEST_CRIT = Set.of(UpiJwsHeader.UUID, UpiJwsHeader.TIMESTAMP,
            UpiJwsHeader.APPID, UpiJwsHeader.REQPATH);

    private final ClientIdentity identity;
    private final Clock clock;
    private final Duration maxClockSkew;

    UpiJwsChecks(ClientIdentity identity, Clock clock, Duration maxClockSkew) {
        this.identity = identity;
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
    }

    /** A response of the switch to one of our requests. */
    SignatureCheck response(String headerValue, byte[] body) {
        return check(headerValue, body, null);
    }

    /** A callback the switch sent to {@code path}. */
    SignatureCheck callback(String headerValue, byte[] body, String path) {
        return check(headerValue, body, path);
    }

    private SignatureCheck check(String headerValue, byte[] body, String calledPath) {
        if (headerValue == null || headerValue.isEmpty()) {
            return SignatureCheck.failed("missing UPI-JWS header", null);
        }
        JwsParseResult parsed = UpiJws.parse(headerValue, false);
        if (parsed instanceof JwsParseResult.Failed f) {
            return SignatureCheck.failed("malformed UPI-JWS: " + f.reason(), null);
        }
        ParsedJws jws = ((JwsParseResult.Ok) parsed).jws();
        UpiJwsHeader h = jws.header();
        if (!identity.switchSigningKid().equals(h.kid())) {
            return SignatureCheck.failed("kid " + h.kid() + " is not the switch signing kid "
                    + identity.switchSigningKid(), h);
        }
        String formProblem = calledPath == null ? responseForm(h) : callbackForm(h, calledPath);
        if (formProblem != null) {
            return SignatureCheck.failed(formProblem, h);
        }
        if (!identity.insID().equals(h.appId())) {
            return SignatureCheck.failed("UPI-APPID is " + h.appId() + ", expected our insID " + identity.insID(), h);
        }
        if (!UpiJws.verify(jws, body, identity.switchSigningKey())) {
            return SignatureCheck.failed("signature does not verify over the body with the switch signing key", h);
        }
        String timeProblem = timestampProblem(h.timestamp());
        if (timeProblem != null) {
            return SignatureCheck.failed(timeProblem, h);
        }
        return SignatureCheck.ok(h);
    }

    private static String responseForm(UpiJwsHeader h) {
        if (h.reqPath() != null) {
            return "UPI-REQPATH must be absent in a response";
        }
        if (!sameNames(h.crit(), RESPONSE_CRIT)) {
            return "crit must list exactly UPI-UUID, UPI-TIMESTAMP, UPI-APPID, got " + h.crit();
        }
        return null;
    }

    private static String callbackForm(UpiJwsHeader h, String calledPath) {
        if (!sameNames(h.crit(), REQUEST_CRIT)) {
            return "crit must list exactly UPI-UUID, UPI-TIMESTAMP, UPI-APPID, UPI-REQPATH, got " + h.crit();
        }
        if (!calledPath.equals(h.reqPath())) {
            return "UPI-REQPATH is " + h.reqPath() + ", but the callback arrived on " + calledPath;
        }
        return null;
    }

    private static boolean sameNames(List<String> crit, Set<String> expected) {
        return crit != null && crit.size() == expected.size() && new HashSet<>(crit).equals(expected);
    }

    private String timestampProblem(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            return "UPI-TIMESTAMP is not a number of seconds";
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > maxClockSkew.toSeconds()) {
            return "UPI-TIMESTAMP is " + skew + " s away from our clock (allowed " + maxClockSkew.toSeconds() + " s)";
        }
        return null;
    }
}
