package org.openscis.server.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/** HMAC-SHA256 with a fresh {@link Mac} per call (Mac instances are not thread-safe and cheap to create). */
final class Hmac {

    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {}

    static byte[] sha256(SecretKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JRE; failing here means a broken platform.
            throw new IllegalStateException("HMAC-SHA256 unavailable: " + e.getClass().getSimpleName(), e);
        }
    }
}
