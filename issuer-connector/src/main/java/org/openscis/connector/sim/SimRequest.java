package org.openscis.connector.sim;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * One HTTP request, copied off Netty's buffers at once so that nothing reference-counted outlives the event loop
 * turn that read it.
 *
 * @param decoderFailed the request line or headers could not be parsed
 * @param fromLoopback the peer is on this machine (the admin endpoints answer only such peers)
 * @param oversized the body was over the limit and has been discarded ({@code body} is empty)
 */
record SimRequest(String method, String path, String upiJws, byte[] body, boolean keepAlive, boolean decoderFailed,
        boolean fromLoopback, boolean oversized) {

    static final String UPI_JWS = "UPI-JWS";

    /** Copies what the simulator needs; does not release {@code request}. */
    static SimRequest of(FullHttpRequest request, SocketAddress remote) {
        return new SimRequest(request.method().name(), path(request.uri()), request.headers().get(UPI_JWS),
                ByteBufUtil.getBytes(request.content()), HttpUtil.isKeepAlive(request),
                request.decoderResult().isFailure(), loopback(remote), false);
    }

    /** A request whose body was over the limit: only its head is known. */
    static SimRequest oversized(HttpRequest head, SocketAddress remote) {
        return new SimRequest(head.method().name(), path(head.uri()), null, new byte[0], HttpUtil.isKeepAlive(head),
                false, loopback(remote), true);
    }

    private static String path(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private static boolean loopback(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                && inet.getAddress().isLoopbackAddress();
    }
}
