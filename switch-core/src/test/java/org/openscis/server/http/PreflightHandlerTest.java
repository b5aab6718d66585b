package org.openscis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openscis.router.MessageType;

/** The HTTP rules of decisions.md §2, fed as raw bytes (whole, split, garbage) through the real codec. */
class PreflightHandlerTest {

    private static final int MAX_BODY = 1024;
    private final List<Integer> errors = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new HttpServerCodec(4096, 1024, 8192),
            new PreflightHandler(MAX_BODY, errors::add),
            new BodyAggregator(MAX_BODY, errors::add));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private static String post(String path, String contentType, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + (contentType == null ? "" : "Content-Type: " + contentType
                + "\r\n") + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private void write(String raw) {
        channel.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.UTF_8));
    }

    private FullHttpResponse response() {
        EmbeddedChannel decoder = new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(65536));
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            decoder.writeInbound(out);
        }
        FullHttpResponse r = decoder.readInbound();
        decoder.finishAndReleaseAll();
        return r;
    }

    private int status() {
        FullHttpResponse r = response();
        try {
            return r.status().code();
        } finally {
            r.release();
        }
    }

    @Test
    void acceptedRequestCarriesItsMessageType() {
        write(post("/scis/switch/cardenrollment", "application/json;charset=UTF-8", "{}"));
        FullHttpRequest request = channel.readInbound();
        assertThat(request.content().toString(StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(channel.attr(PreflightHandler.TYPE).get()).isEqualTo(MessageType.CARD_ENROLLMENT);
        request.release();
    }

    @Test
    void requestSplitIntoSingleBytesIsReassembled() {
        byte[] raw = post("/scis/switch/cvminquiry", "application/json", "{\"a\":1}").getBytes(StandardCharsets.UTF_8);
        for (byte b : raw) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        FullHttpRequest request = channel.readInbound();
        assertThat(request.content().readableBytes()).isEqualTo(7);
        request.release();
    }

    @Test
    void unknownPathIs404AndConnectionStaysUsable() {
        write(post("/scis/switch/nosuch", "application/json", "{}"));
        assertThat(status()).isEqualTo(404);
        assertThat(channel.isOpen()).isTrue();
        write(post("/scis/switch/cvminquiry", "application/json", "{}"));
        FullHttpRequest next = channel.readInbound();
        assertThat(next).isNotNull();
        next.release();
        assertThat(errors).containsExactly(404);
    }

    @Test
    void getIs405WithAllowHeader() {
        write("GET /scis/switch/cvminquiry HTTP/1.1\r\nHost: x\r\n\r\n");
        FullHttpResponse r = response();
        assertThat(r.status().code()).isEqualTo(405);
        assertThat(r.headers().get("Allow")).isEqualTo("POST");
        r.release();
    }

    @Test
    void nonJsonContentTypeIs415() {
        write(post("/scis/switch/cvminquiry", "text/plain", "{}"));
        assertThat(status()).isEqualTo(415);
        write(post("/scis/switch/cvminquiry", null, "{}"));
        assertThat(status()).isEqualTo(415);
    }

    @Test
    void declaredOversizeBodyIs413AndCloses() {
        write("POST /scis/switch/cvminquiry HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + (MAX_BODY + 1) + "\r\n\r\n");
        assertThat(status()).isEqualTo(413);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void chunkedOversizeBodyIs413() {
        StringBuilder raw = new StringBuilder("POST /scis/switch/cvminquiry HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "x".repeat(600);
        raw.append(Integer.toHexString(600)).append("\r\n").append(chunk).append("\r\n");
        raw.append(Integer.toHexString(600)).append("\r\n").append(chunk).append("\r\n0\r\n\r\n");
        write(raw.toString());
        assertThat(status()).isEqualTo(413);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void oversizedHeadersAre431() {
        write("POST /scis/switch/cvminquiry HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(2000)
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(status()).isEqualTo(431);
    }

    @Test
    void garbageIs400() {
        write("\u0001\u0002 garbage that is not http\r\n\r\n");
        assertThat(status()).isEqualTo(400);
    }
}
