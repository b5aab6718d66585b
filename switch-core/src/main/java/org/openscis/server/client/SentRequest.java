package org.openscis.server.client;

import java.util.Map;
import org.openscis.codec.envelope.MsgInfo;

/**
 * What was actually put on the wire: method, path (relative to the base URL), headers, body bytes, the msgInfo the
 * body carries (null for a raw body) and the UPI-JWS header value (null when unsigned).
 */
public record SentRequest(String method, String path, Map<String, String> headers, byte[] body, MsgInfo msgInfo,
        String upiJws) {}
