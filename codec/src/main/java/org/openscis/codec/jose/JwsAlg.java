package org.openscis.codec.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import java.security.Key;
import java.util.HashSet;

/**
 * The JWS algorithms a {@code UPI-JWS} may use (decisions.md §3: RS256 by default, PS256 and ES256 configurable;
 * {@code none} and HMAC never). Each carries the nimbus header objects used for signing and verifying, built once:
 * nimbus reads only {@code alg} and {@code crit} from them.
 */
enum JwsAlg {
    RS256(JWSAlgorithm.RS256),
    PS256(JWSAlgorithm.PS256),
    ES256(JWSAlgorithm.ES256);

    final JWSAlgorithm nimbus;
    private final JWSHeader requestForm;
    private final JWSHeader responseForm;

    JwsAlg(JWSAlgorithm nimbus) {
        this.nimbus = nimbus;
        this.requestForm = new JWSHeader.Builder(nimbus)
                .criticalParams(new HashSet<>(UpiJwsHeader.critFor(true))).build();
        this.responseForm = new JWSHeader.Builder(nimbus)
                .criticalParams(new HashSet<>(UpiJwsHeader.critFor(false))).build();
    }

    /** The allowed algorithm with that JOSE name, or null. */
    static JwsAlg of(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "RS256" -> RS256;
            case "PS256" -> PS256;
            case "ES256" -> ES256;
            default -> null;
        };
    }

    JWSHeader nimbusHeader(boolean withReqPath) {
        return withReqPath ? requestForm : responseForm;
    }

    /** Whether {@code key} (public or private) has the type this algorithm needs and is strong enough. */
    boolean fits(Key key) {
        return this == ES256 ? KeyChecks.isP256(key) : KeyChecks.isStrongRsa(key);
    }
}
