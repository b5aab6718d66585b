package org.openscis.connector.sim;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Responses without an SCIS envelope: a small JSON error body, as the switch's own listener sends. */
final class HttpBodies {

    static final String JSON = "application/json;charset=UTF-8";
    static final String CONTENT_TYPE = "Content-Type";

    private HttpBodies() {}

    static SimAction.Reply error(int status, String message, boolean close) {
        return error(status, message, close, Map.of());
    }

    static SimAction.Reply error(int status, String message, boolean close, Map<String, String> extraHeaders) {
        byte[] body = ("{\"error\":" + status + ",\"message\":\"" + escape(message) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        LinkedHashMap<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put(CONTENT_TYPE, JSON);
        return new SimAction.Reply(status, Map.copyOf(headers), body, 0, close);
    }

    static SimAction.Reply json(int status, byte[] body) {
        return new SimAction.Reply(status, Map.of(CONTENT_TYPE, JSON), body, 0, false);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
