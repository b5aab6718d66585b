package org.openscis.codec.jose;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.function.Function;

/** JWE compact serialization for sensitive fields (decisions.md §3, protocol.md §4.6). */
public final class JweCodec {

    private JweCodec() {}

    /**
     * Decrypts a compact JWE. Accepts RSA1_5/A128CBC-HS256 and RSA-OAEP-256 with A128GCM or A256GCM. The key is
     * found by the header's {@code kid} (null if the header has none); a lookup returning null is UNKNOWN_KID.
     */
    public static JweResult decrypt(String compact, Function<String, PrivateKey> privateKeyByKid) {
        throw new IllegalStateException("pending");
    }

    /** Encrypts to {@code recipient} with {@code kid} in the header and the given algorithms. */
    public static String encrypt(byte[] plaintext, PublicKey recipient, String kid, JweProfile profile) {
        throw new IllegalStateException("pending");
    }
}
