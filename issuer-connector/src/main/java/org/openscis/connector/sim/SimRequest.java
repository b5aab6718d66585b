package org.openscis.connector.sim;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * One HTTP request, copied off Netty's buffers at once so that nothing reference-counted outlives the event loop
 * turn that read it.
 *
 * @param decoderFailed the request line or headers could not be parsed
 * @param fromLoopback the peer is on this machine (the admin endpoints answer only such peers)
 */
record SimRequest(String method, String path, String upiJws, byte[] body, boolean keepAlive, boolean decoderFailed,
        boolean fromLoopback) {

    static final String UPI_JWS = "UPI-JWS";

    /** Copies what the simulator needs; does not release {@code request}. */
    static SimRequest of(FullHttpRequest request, SocketAddress remote) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        boolean loopback = remote instanceof InetSocketAddress inet && inet.getAddress() != null
                && inet.getAddress().isLoopbackAddress();
        return new SimRequest(request.method().name(), query < 0 ? uri : uri.substring(0, query),
                request.headers().get(UPI_JWS), ByteBufUtil.getBytes(request.content()),
                HttpUtil.isKeepAlive(request), request.decoderResult().isFailure(), loopback);
    }
}
