package org.openscis.server.client;

import org.openscis.codec.jose.UpiJwsHeader;

/**
 * The outcome of checking a {@code UPI-JWS} header: valid, or the first reason it is not. {@code header} is the
 * parsed protected header when it could be parsed (null otherwise), for assertions on kid, UUID or timestamp.
 */
public record SignatureCheck(boolean valid, String reason, UpiJwsHeader header) {

    public static final String OK = "ok";

    static SignatureCheck ok(UpiJwsHeader header) {
        return new SignatureCheck(true, OK, header);
    }

    static SignatureCheck failed(String reason, UpiJwsHeader header) {
        return new SignatureCheck(false, reason, header);
    }
}
