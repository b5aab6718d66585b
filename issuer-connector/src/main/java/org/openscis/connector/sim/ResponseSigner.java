package org.openscis.connector.sim;

import java.security.PrivateKey;
import java.time.Clock;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;

/** Signs response bodies: detached {@code UPI-JWS}, three-name {@code crit}, {@code UPI-APPID} = the issuer IIN. */
final class ResponseSigner {

    private final String alg;
    private final String kid;
    private final PrivateKey key;
    private final String issuerIin;
    private final Clock clock;

    ResponseSigner(SimConfig cfg, Clock clock) {
        this.alg = cfg.signingAlg();
        this.kid = cfg.signingKid();
        this.key = cfg.signingKey();
        this.issuerIin = cfg.issuerIin();
        this.clock = clock;
        // Fail at start, not on the first response, if the key does not fit the algorithm.
        sign(new byte[] {'{', '}'});
    }

    String sign(byte[] body) {
        UpiJwsHeader header = UpiJwsHeader.response(alg, kid, UpiJws.newUuid(),
                Long.toString(clock.instant().getEpochSecond()), issuerIin);
        return UpiJws.sign(header, body, key);
    }
}
