package org.openscis.codec.jose;

/**
 * A syntactically valid detached {@code UPI-JWS}: the decoded header fields, the header segment exactly as received
 * (it is part of the signing input) and the decoded signature bytes.
 */
public record ParsedJws(UpiJwsHeader header, String encodedHeader, byte[] signature) {}
