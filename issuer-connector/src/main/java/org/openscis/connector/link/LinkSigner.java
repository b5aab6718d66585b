package org.openscis.connector.link;

import java.security.PrivateKey;
import java.util.Objects;

/** How a {@link PeerLink} signs its requests: the JWS {@code alg} (RS256, PS256 or ES256), {@code kid} and key. */
public record LinkSigner(String alg, String kid, PrivateKey key) {

    public LinkSigner {
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        // Never the key.
        return "LinkSigner[" + alg + " kid " + kid + "]";
    }
}
