package org.openscis.codec.jose;

import java.util.List;

/**
 * The protected header of a {@code UPI-JWS} (protocol.md §4.2): {@code alg}, {@code kid}, {@code crit} and the four
 * UPI parameters. {@code reqPath} is null in responses (three-name form). {@code timestamp} is Unix seconds as the
 * decimal string that was sent.
 */
public record UpiJwsHeader(String alg, String kid, List<String> crit, String uuid, String timestamp, String appId,
        String reqPath) {

    public static final String UUID = "UPI-UUID";
    public static final String TIMESTAMP = "UPI-TIMESTAMP";
    public static final String APPID = "UPI-APPID";
    public static final String REQPATH = "UPI-REQPATH";
}
