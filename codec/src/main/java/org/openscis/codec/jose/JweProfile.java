package org.openscis.codec.jose;

/** The JWE algorithm pair the switch produces for one recipient (decisions.md §3). */
public enum JweProfile {
    /** Default: RSA-OAEP-256 key wrap, AES-128-GCM content. */
    RSA_OAEP_256_A128GCM,
    RSA_OAEP_256_A256GCM,
    /** What real SCIS clients and servers use; for legacy peers only. */
    RSA1_5_A128CBC_HS256
}
