package org.openscis.codec.jose;

/** The outcome of decrypting a JWE field: the plaintext or why not. Never throws for bad input. */
public sealed interface JweResult {

    /** Decrypted content. */
    record Ok(byte[] plaintext, String kid) implements JweResult {}

    /** Why decryption failed. {@code reason} never contains key material or plaintext. */
    record Failed(Failure failure, String reason) implements JweResult {}

    enum Failure {
        /** Not a five-part compact JWE, bad base64 or header JSON. */
        MALFORMED,
        /** alg/enc pair not accepted. */
        ALGORITHM_NOT_ALLOWED,
        /** No private key with that kid. */
        UNKNOWN_KID,
        /** Wrong key, tampered ciphertext or tag. */
        DECRYPT_FAILED
    }
}
