package org.openscis.server.dispatch;

import java.nio.charset.StandardCharsets;

/** Reads the response code back out of a stored response body without a full decode (it is only for metrics). */
final class StoredResponses {

    private static final byte[] MARKER = "\"responseCode\":\"".getBytes(StandardCharsets.US_ASCII);

    private StoredResponses() {}

    static String responseCode(byte[] body) {
        outer:
        for (int i = 0; i + MARKER.length + 2 <= body.length; i++) {
            for (int j = 0; j < MARKER.length; j++) {
                if (body[i + j] != MARKER[j]) {
                    continue outer;
                }
            }
            return new String(body, i + MARKER.length, 2, StandardCharsets.US_ASCII);
        }
        return "??";
    }
}
