package org.openscis.connector.link;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * The pipeline of a link connection: optional TLS (SNI and, if the context asks for it, host name checks use the
 * configured host), the HTTP/1.1 client codec with line and header limits, {@link ResponseAggregator},
 * {@link ExchangeHandler}.
 */
final class LinkChannelInitializer extends ChannelInitializer<Channel> {

    static final String TLS = "tls";
    static final String EXCHANGE = "exchange";

    /** Status lines are short; headers carry a UPI-JWS of under 1 KiB for RSA-4096. */
    static final int MAX_INITIAL_LINE_BYTES = 4096;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    static final int MAX_CHUNK_BYTES = 16 * 1024;

    private final LinkConfig cfg;
    private final SslContext ssl;

    LinkChannelInitializer(LinkConfig cfg, SslContext ssl) {
        this.cfg = cfg;
        this.ssl = ssl;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        if (ssl != null) {
            SslHandler tls = ssl.newHandler(ch.alloc(), cfg.host(), cfg.port());
            tls.setHandshakeTimeoutMillis(cfg.connectTimeout().toMillis());
            p.addLast(TLS, tls);
        }
        p.addLast("http", new HttpClientCodec(MAX_INITIAL_LINE_BYTES, MAX_HEADER_BYTES, MAX_CHUNK_BYTES));
        p.addLast("aggregate", new ResponseAggregator(cfg.maxResponseBytes()));
        p.addLast(EXCHANGE, new ExchangeHandler());
    }
}
