package org.openscis.codec.jose;

import java.security.PrivateKey;
import java.security.PublicKey;

/** Detached {@code UPI-JWS} signatures over raw body bytes (protocol.md §4.2-4.3, §4.9). */
public final class UpiJws {

    private UpiJws() {}

    /**
     * Parses a header value: three segments with an empty middle, a JSON protected header with {@code alg} in
     * RS256/PS256/ES256 ({@code none} and HMAC always refused), {@code crit} listing only understood names and
     * containing the UPI names the header carries. With {@code lenientSignature}, the signature segment may use the
     * standard base64 alphabet and padding. Never throws.
     */
    public static JwsParseResult parse(String headerValue, boolean lenientSignature) {
        throw new IllegalStateException("pending");
    }

    /** Verifies over {@code BASE64URL(header) . BASE64URL(body)}, then the padded-payload variant. Never throws. */
    public static boolean verify(ParsedJws jws, byte[] body, PublicKey key) {
        throw new IllegalStateException("pending");
    }

    /** Signs {@code body} and returns the detached compact form {@code header..signature}. */
    public static String sign(UpiJwsHeader header, byte[] body, PrivateKey key) {
        throw new IllegalStateException("pending");
    }

    /** A fresh {@code UPI-UUID}: 32 lower-case hex characters. */
    public static String newUuid() {
        throw new IllegalStateException("pending");
    }
}
