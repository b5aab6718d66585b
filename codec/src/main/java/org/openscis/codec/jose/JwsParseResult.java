package org.openscis.codec.jose;

/** Parsing a {@code UPI-JWS} header value: the parsed JWS or why it is unusable (gate steps 1-2 → A0). */
public sealed interface JwsParseResult {

    record Ok(ParsedJws jws) implements JwsParseResult {}

    record Failed(String reason) implements JwsParseResult {}
}
