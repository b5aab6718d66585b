package org.openscis.codec.jose;

import java.util.ArrayList;
import java.util.Collections;
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

    private static final List<String> REQUEST_CRIT = List.of(UUID, TIMESTAMP, APPID, REQPATH);
    private static final List<String> RESPONSE_CRIT = List.of(UUID, TIMESTAMP, APPID);

    public UpiJwsHeader {
        // Not List.copyOf: a parsed list is checked for bad names later, and must not throw on a null here.
        crit = crit == null ? null : Collections.unmodifiableList(new ArrayList<>(crit));
    }

    /** The four-name form for requests, callbacks and CBS calls; {@code crit} is filled in. */
    public static UpiJwsHeader request(String alg, String kid, String uuid, String timestamp, String appId,
            String reqPath) {
        if (reqPath == null) {
            throw new IllegalArgumentException("a request header needs UPI-REQPATH");
        }
        return new UpiJwsHeader(alg, kid, REQUEST_CRIT, uuid, timestamp, appId, reqPath);
    }

    /** The three-name form for responses (no {@code UPI-REQPATH}); {@code crit} is filled in. */
    public static UpiJwsHeader response(String alg, String kid, String uuid, String timestamp, String appId) {
        return new UpiJwsHeader(alg, kid, RESPONSE_CRIT, uuid, timestamp, appId, null);
    }

    /** The {@code crit} list the switch writes: the UPI names present, in protocol order. */
    public static List<String> critFor(boolean withReqPath) {
        return withReqPath ? REQUEST_CRIT : RESPONSE_CRIT;
    }

    /** {@code timestamp} as a number; only for headers that {@link UpiJws#parse} accepted (digits only). */
    public long timestampSeconds() {
        return Long.parseLong(timestamp);
    }
}
