package org.openscis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random bytes and mutated requests through the real front of the pipeline: never an exception, never a 5xx,
 * and every buffer released (the leak-failing extension checks after the class).
 */
class HttpFrontProperties {

    private static final String VALID = "POST /scis/switch/cvminquiry HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

    private static void drive(byte[] input, int chunk) {
        List<Integer> errors = new ArrayList<>();
        List<Throwable> exceptions = new ArrayList<>();
        // stands where SwitchRequestHandler is in production: an exception reaching it closes the connection
        ChannelInboundHandlerAdapter tail = new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                exceptions.add(cause);
                ctx.close();
            }
        };
        EmbeddedChannel ch = new EmbeddedChannel(new HttpServerCodec(4096, 1024, 8192),
                new PreflightHandler(512, errors::add), new BodyAggregator(512, errors::add), tail);
        for (int i = 0; i < input.length && ch.isOpen(); i += chunk) {
            int n = Math.min(chunk, input.length - i);
            ch.writeInbound(Unpooled.copiedBuffer(input, i, n));
        }
        Object in;
        while ((in = ch.readInbound()) != null) {
            ReferenceCountUtil.release(in);
        }
        Object out;
        while ((out = ch.readOutbound()) != null) {
            if (out instanceof ByteBuf b) {
                String text = b.toString(StandardCharsets.ISO_8859_1);
                assertThat(text).doesNotStartWith("HTTP/1.1 5");
            }
            ReferenceCountUtil.release(out);
        }
        assertThat(errors).allMatch(status -> status < 500);
        ch.finishAndReleaseAll();
        // the only exception a client can cause: closing (or being closed) in the middle of a body
        assertThat(exceptions).allMatch(e -> e instanceof PrematureChannelClosureException);
    }

    @Property(tries = 300)
    void randomBytesNeverBreakTheFront(@ForAll byte[] input, @ForAll("chunks") int chunk) {
        drive(input, chunk);
    }

    @Property(tries = 300)
    void mutatedRequestsNeverBreakTheFront(@ForAll("positions") int position, @ForAll byte replacement,
            @ForAll("chunks") int chunk) {
        byte[] bytes = VALID.getBytes(StandardCharsets.ISO_8859_1);
        bytes[position % bytes.length] = replacement;
        drive(bytes, chunk);
    }

    @Provide
    Arbitrary<Integer> chunks() {
        return Arbitraries.integers().between(1, 64);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 10_000);
    }
}
