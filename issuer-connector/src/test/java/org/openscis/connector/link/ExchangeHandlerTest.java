package org.openscis.connector.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exchange handler behind a real client codec and aggregator, fed bytes as a peer would send them. */
class ExchangeHandlerTest {

    private static final int LIMIT = 1024;

    private final List<ExchangeOutcome> outcomes = new ArrayList<>();
    private EmbeddedChannel ch = channel();

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new HttpClientCodec(4096, 16 * 1024, 16 * 1024), new ResponseAggregator(LIMIT),
                new ExchangeHandler());
    }

    @AfterEach
    void finish() {
        ch.finishAndReleaseAll();
    }

    private ExchangeHandler handler() {
        return ch.pipeline().get(ExchangeHandler.class);
    }

    private static FullHttpRequest request() {
        return new LinkRequests("peer:8080").build("/cbs/x", "{}".getBytes(StandardCharsets.UTF_8), "h..s");
    }

    /** Sends a request and drops what was written (checked in {@link #theRequestIsWrittenWithItsHeaders}). */
    private void send() {
        handler().send(request(), outcomes::add);
        drainOutbound();
    }

    private void drainOutbound() {
        Object out;
        while ((out = ch.readOutbound()) != null) {
            ReferenceCountUtil.release(out);
        }
    }

    private void receive(String text, int pieceBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        // Like a socket: nothing more is read once the connection is closed.
        for (int i = 0; i < bytes.length && ch.isOpen(); i += pieceBytes) {
            ch.writeInbound(Unpooled.wrappedBuffer(bytes, i, Math.min(pieceBytes, bytes.length - i)));
        }
    }

    private static String response(String headers, String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + headers + "Content-Length: "
                + body.length() + "\r\n\r\n" + body;
    }

    private ExchangeOutcome.Response onlyResponse() {
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0)).isInstanceOf(ExchangeOutcome.Response.class);
        return (ExchangeOutcome.Response) outcomes.get(0);
    }

    @Test
    void theRequestIsWrittenWithItsHeaders() {
        handler().send(request(), outcomes::add);
        StringBuilder written = new StringBuilder();
        Object out;
        while ((out = ch.readOutbound()) != null) {
            written.append(((ByteBuf) out).toString(StandardCharsets.US_ASCII));
            ReferenceCountUtil.release(out);
        }

        assertThat(written.toString()).startsWith("POST /cbs/x HTTP/1.1\r\n")
                .contains("host: peer:8080\r\n", "content-type: application/json\r\n", "content-length: 2\r\n",
                        "connection: keep-alive\r\n", "UPI-JWS: h..s\r\n")
                .endsWith("\r\n\r\n{}");
        assertThat(handler().busy()).isTrue();
    }

    @Test
    void aResponseSplitIntoSingleBytesIsOneAnswer() {
        send();

        receive(response("UPI-JWS: abc..def\r\n", "{\"a\":1}"), 1);

        ExchangeOutcome.Response r = onlyResponse();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.upiJws()).isEqualTo("abc..def");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(r.keepAlive()).isTrue();
        assertThat(handler().busy()).isFalse();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void aChunkedResponseInOddPiecesIsAggregated() {
        send();

        receive("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n4\r\n\":1}\r\n0\r\n\r\n", 5);

        assertThat(new String(onlyResponse().body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void connectionCloseMeansTheConnectionIsNotKept() {
        send();

        receive(response("Connection: close\r\n", "{}"), 64);

        assertThat(onlyResponse().keepAlive()).isFalse();
    }

    @Test
    void anInterimResponseIsSkipped() {
        send();

        receive("HTTP/1.1 100 Continue\r\n\r\n" + response("", "{}"), 7);

        assertThat(onlyResponse().status()).isEqualTo(200);
    }

    @Test
    void garbageIsMalformedAndClosesTheConnection() {
        send();

        receive("SSH-2.0-OpenSSH_9.6\r\n\r\n", 3);

        assertThat(outcomes).singleElement().isInstanceOf(ExchangeOutcome.Malformed.class);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aDeclaredOversizedBodyIsMalformedAndClosesTheConnection() {
        send();

        receive("HTTP/1.1 200 OK\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n{", 16);

        assertThat(outcomes).singleElement().isInstanceOf(ExchangeOutcome.Malformed.class);
        assertThat(((ExchangeOutcome.Malformed) outcomes.get(0)).detail()).contains("larger than " + LIMIT);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIsMalformed() {
        send();
        String chunk = "x".repeat(600);

        receive("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n" + chunk + "\r\n258\r\n" + chunk
                + "\r\n0\r\n\r\n", 100);

        assertThat(outcomes).singleElement().isInstanceOf(ExchangeOutcome.Malformed.class);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aCloseInTheMiddleOfTheBodyIsALostConnection() {
        send();
        receive("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"a\"", 4);

        ch.close();

        assertThat(outcomes).singleElement().isInstanceOf(ExchangeOutcome.Lost.class);
    }

    @Test
    void aCloseBeforeAnyAnswerIsALostConnection() {
        send();

        ch.close();

        assertThat(outcomes).singleElement().isInstanceOf(ExchangeOutcome.Lost.class);
    }

    @Test
    void aNetworkErrorIsALostConnectionAndCloses() {
        send();

        ch.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));

        assertThat(outcomes).singleElement().isInstanceOf(ExchangeOutcome.Lost.class);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aFailedWriteIsALostConnection() {
        ch.finishAndReleaseAll();
        ch = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                ReferenceCountUtil.release(msg);
                promise.setFailure(new IOException("Broken pipe"));
            }
        }, new HttpClientCodec(), new ResponseAggregator(LIMIT), new ExchangeHandler());

        handler().send(request(), outcomes::add);

        assertThat(outcomes).singleElement().isInstanceOf(ExchangeOutcome.Lost.class);
        assertThat(((ExchangeOutcome.Lost) outcomes.get(0)).detail()).contains("write failed");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void anUnsolicitedResponseClosesTheConnection() {
        receive(response("", "{}"), 64);

        assertThat(outcomes).isEmpty();
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aLateAnswerAfterAbandonIsNeverReportedAndClosesTheConnection() {
        send();
        handler().abandon();

        receive(response("", "{}"), 64);

        assertThat(outcomes).isEmpty();
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aSecondRequestWhileOneIsOpenIsRefusedAndReleased() {
        send();
        FullHttpRequest second = request();

        assertThatThrownBy(() -> handler().send(second, outcomes::add)).isInstanceOf(IllegalStateException.class);

        assertThat(second.refCnt()).isZero();
    }

    @Test
    void eachExchangeEndsOnceThenTheNextCanStart() {
        send();
        receive(response("", "{\"n\":1}"), 64);
        send();
        receive(response("", "{\"n\":2}"), 64);

        assertThat(outcomes).hasSize(2);
        assertThat(new String(((ExchangeOutcome.Response) outcomes.get(1)).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"n\":2}");
    }
}
