package org.openscis.server.client;

import java.util.Map;

/** An HTTP response as read from the wire: status, headers (case-insensitive names) and the aggregated body. */
record HttpReply(int status, Map<String, String> headers, byte[] body) {}
