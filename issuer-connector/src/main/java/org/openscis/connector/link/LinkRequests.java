package org.openscis.connector.link;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/** Builds the HTTP request of a call: POST to the target, JSON, the detached signature, keep-alive. */
final class LinkRequests {

    static final String CONTENT_TYPE_JSON = "application/json";

    private final String hostHeader;

    LinkRequests(String hostHeader) {
        this.hostHeader = hostHeader;
    }

    /** A new request each time: writing it releases its body buffer. */
    FullHttpRequest build(String target, byte[] body, String upiJws) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, target,
                Unpooled.wrappedBuffer(body));
        HttpHeaders headers = request.headers();
        headers.set(HttpHeaderNames.HOST, hostHeader);
        headers.set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE_JSON);
        headers.set(HttpHeaderNames.ACCEPT, CONTENT_TYPE_JSON);
        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        headers.set(ExchangeHandler.UPI_JWS, upiJws);
        return request;
    }

    /**
     * Whether {@code target} can be a request target as sent: starts with '/', visible ASCII only (no space, no
     * control character that could split the request line or a header).
     */
    static boolean validTarget(String target) {
        if (target == null || target.isEmpty() || target.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }
}
