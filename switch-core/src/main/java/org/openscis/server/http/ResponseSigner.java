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
                Long.toString(clock.instant().getEpochSecond()), appId == null ? "" : appId, null);
        return UpiJws.sign(header, body, key);
    }
}
