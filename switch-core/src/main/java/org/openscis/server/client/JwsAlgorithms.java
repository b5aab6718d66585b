package org.openscis.server.client;

import java.security.Key;
import java.security.interfaces.ECKey;

/** The JWS algorithm that goes with a signing key: RS256 for RSA (SCIS's algorithm), ES256 for EC P-256. */
final class JwsAlgorithms {

    static final String RS256 = "RS256";
    static final String PS256 = "PS256";
    static final String ES256 = "ES256";

    private JwsAlgorithms() {}

    static String forKey(Key key) {
        return key instanceof ECKey ? ES256 : RS256;
    }
}
