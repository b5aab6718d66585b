package org.openscis.connector.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseAggregatorTest {

    private final List<Object> events = new ArrayList<>();
    private final EmbeddedChannel ch = new EmbeddedChannel(new ResponseAggregator(16),
            new ChannelInboundHandlerAdapter() {
                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                    events.add(evt);
                }
            });

    @AfterEach
    void finish() {
        ch.finishAndReleaseAll();
    }

    private static HttpResponse head(Integer contentLength) {
        HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        if (contentLength != null) {
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        }
        return r;
    }

    private static DefaultHttpContent part(String s) {
        return new DefaultHttpContent(Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII));
    }

    @Test
    void aBodyWithinTheLimitIsAggregated() {
        ch.writeInbound(head(null), part("0123456789"), new DefaultLastHttpContent(
                Unpooled.copiedBuffer("abcdef", StandardCharsets.US_ASCII)));

        FullHttpResponse full = ch.readInbound();
        try {
            assertThat(full.content().toString(StandardCharsets.US_ASCII)).isEqualTo("0123456789abcdef");
        } finally {
            full.release();
        }
        assertThat(events).isEmpty();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsAnEventAndACloseBeforeAnyBody() {
        ch.writeInbound(head(17));

        assertThat(events).containsExactly(new ResponseAggregator.TooLarge(16));
        assertThat(ch.isOpen()).isFalse();
        assertThat((Object) ch.readInbound()).isNull();
    }

    @Test
    void aBodyGrowingPastTheLimitIsAnEventAndAClose() {
        ch.writeInbound(head(null), part("0123456789"));
        ch.writeInbound(part("0123456789"));

        assertThat(events).containsExactly(new ResponseAggregator.TooLarge(16));
        assertThat(ch.isOpen()).isFalse();
        assertThat((Object) ch.readInbound()).isNull();
    }
}
