package org.openscis.server.http;

import java.security.PrivateKey;
import java.time.Clock;
import java.util.List;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;

/**
 * Signs response bodies with the switch's signing key in the three-name form of protocol.md §4.3: no
 * {@code UPI-REQPATH}, and {@code UPI-APPID} naming the requester.
 */
public final class ResponseSigner {

    private static final List<String> RESPONSE_CRIT =
            List.of(UpiJwsHeader.UUID, UpiJwsHeader.TIMESTAMP, UpiJwsHeader.APPID);

    static final String UNKNOWN_APPID = "UNKNOWN";
    private static final int MAX_APPID_CHARS = 16;

    private final String alg;
    private final String kid;
    private final PrivateKey key;
    private final Clock clock;

    public ResponseSigner(String alg, String kid, PrivateKey key, Clock clock) {
        this.alg = alg;
        this.kid = kid;
        this.key = key;
        this.clock = clock;
    }

    public String sign(byte[] body, String appId) {
        UpiJwsHeader header = new UpiJwsHeader(alg, kid, RESPONSE_CRIT, UpiJws.newUuid(),
                Long.toString(clock.instant().getEpochSecond()), usableAppId(appId), null);
        return UpiJws.sign(header, body, key);
    }

    /**
     * The requester's id as the response names it. When none could be read (garbage, or an id that is empty or not
     * printable ASCII up to 16 characters) the response is still signed and names {@value #UNKNOWN_APPID}, so a
     * client can always verify that the refusal came from the switch.
     */
    static String usableAppId(String appId) {
        if (appId == null || appId.isEmpty() || appId.length() > MAX_APPID_CHARS) {
            return UNKNOWN_APPID;
        }
        for (int i = 0; i < appId.length(); i++) {
            char c = appId.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return UNKNOWN_APPID;
            }
        }
        return appId;
    }
}
