package org.openscis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.jose.JwsParseResult;
import org.openscis.codec.jose.UpiJws;
import org.openscis.router.MessageType;
import org.openscis.server.dispatch.ResponseFactory;
import org.openscis.server.metrics.SwitchMetrics;
import org.openscis.server.testing.MutableClock;
import org.openscis.server.testing.TestKeyPairs;

/** Admission: a saturated worker pool is answered at once with HTTP 503, Retry-After and a signed code 96. */
class SwitchRequestHandlerTest {

    private static final String BODY = "{\"msgInfo\":{\"versionNo\":\"1.0.0\",\"msgID\":\"A3999015720261125120000123456\","
            + "\"timeStamp\":\"20261125120000\",\"msgType\":\"CVM_INQUIRY\",\"insID\":\"39990157\"},\"trxInfo\":{}}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private EmbeddedChannel channel(Executor workers) {
        return channel(workers, Duration.ofSeconds(1));
    }

    private EmbeddedChannel channel(Executor workers, Duration maxQueueWait) {
        SwitchRequestHandler handler = new SwitchRequestHandler(workers, maxQueueWait, codec, null, null,
                new ResponseFactory(codec, clock, ZoneOffset.UTC),
                new ResponseSigner("RS256", "1000000000001", TestKeyPairs.RSA_A.getPrivate(), clock),
                new SwitchMetrics(registry));
        EmbeddedChannel ch = new EmbeddedChannel(handler);
        ch.attr(PreflightHandler.TYPE).set(MessageType.CVM_INQUIRY);
        return ch;
    }

    private static FullHttpRequest request() {
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/scis/switch/cvminquiry",
                Unpooled.copiedBuffer(BODY, StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        return r;
    }

    @Test
    void fullWorkerQueueIs503WithRetryAfterAndSignedCode96() {
        EmbeddedChannel ch = channel(task -> {
            throw new RejectedExecutionException("full");
        });
        ch.writeInbound(request());
        ch.runPendingTasks();
        assertOverloaded(ch);
        assertThat(registry.get("openscis.overload").tag("why", "queue_full").counter().count()).isEqualTo(1.0);
    }

    @Test
    void requestThatWaitedTooLongForAWorkerIsShedUnprocessed() {
        // zero allowed wait: any queued request is already too old when a worker takes it; gate and dispatcher are
        // null here, so processing it would fail the test
        EmbeddedChannel ch = channel(Runnable::run, Duration.ZERO);
        ch.writeInbound(request());
        ch.runPendingTasks();
        assertOverloaded(ch);
        assertThat(registry.get("openscis.overload").tag("why", "queue_wait").counter().count()).isEqualTo(1.0);
    }

    private void assertOverloaded(EmbeddedChannel ch) {
        FullHttpResponse response = ch.readOutbound();
        try {
            assertThat(response.status().code()).isEqualTo(503);
            assertThat(response.headers().get(HttpHeaderNames.RETRY_AFTER)).isEqualTo("1");
            byte[] body = new byte[response.content().readableBytes()];
            response.content().readBytes(body);
            DecodeResult.Ok decoded = (DecodeResult.Ok) codec.decode(body);
            assertThat(decoded.envelope().msgResponse().responseCode()).isEqualTo("96");
            assertThat(decoded.envelope().msgInfo().msgID()).isEqualTo("A3999015720261125120000123456");
            JwsParseResult.Ok jws = (JwsParseResult.Ok) UpiJws.parse(response.headers().get("UPI-JWS"), false);
            assertThat(UpiJws.verify(jws.jws(), body, TestKeyPairs.RSA_A.getPublic())).isTrue();
            assertThat(jws.jws().header().reqPath()).isNull();
            assertThat(jws.jws().header().appId()).isEqualTo("39990157");
        } finally {
            response.release();
        }
        assertThat(registry.get("openscis.requests").tag("code", "96").tag("http", "503").counter().count())
                .isEqualTo(1.0);
        ch.finishAndReleaseAll();
    }

    @Test
    void connectionStopsReadingWhileARequestIsProcessed() {
        Runnable[] parked = new Runnable[1];
        EmbeddedChannel ch = channel(task -> parked[0] = task);
        ch.writeInbound(request());
        assertThat(ch.config().isAutoRead()).isFalse();
        assertThat(parked[0]).isNotNull();
        ch.finishAndReleaseAll();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOneAtATime() {
        java.util.List<Runnable> parked = new java.util.ArrayList<>();
        SwitchRequestHandler handler = new SwitchRequestHandler(parked::add, Duration.ofSeconds(1), codec, null, null,
                new ResponseFactory(codec, clock, ZoneOffset.UTC),
                new ResponseSigner("RS256", "1000000000001", TestKeyPairs.RSA_A.getPrivate(), clock),
                new SwitchMetrics(registry));
        EmbeddedChannel ch = new EmbeddedChannel(new io.netty.handler.codec.http.HttpServerCodec(),
                new PipelineOrder(), new PreflightHandler(65_536, s -> { }), new BodyAggregator(65_536, s -> { }),
                handler);
        String one = "POST /scis/switch/cvminquiry HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + BODY.length() + "\r\n\r\n" + BODY;
        String notFound = "POST /scis/switch/nothing HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}";
        // three requests in one segment: the second and third wait until the first is answered
        ch.writeInbound(Unpooled.copiedBuffer(one + notFound + one, StandardCharsets.US_ASCII));
        assertThat(parked).hasSize(1);
        assertThat(outbound(ch)).isEmpty();
        parked.get(0).run(); // gate is null here: the request fails before dispatch and is answered 503
        ch.runPendingTasks();
        ch.runPendingTasks();
        ch.runPendingTasks();
        String written = outbound(ch);
        assertThat(written).startsWith("HTTP/1.1 503");
        assertThat(written.indexOf("HTTP/1.1 404")).isGreaterThan(0);
        assertThat(parked).hasSize(2);
        ch.finishAndReleaseAll();
    }

    private static String outbound(EmbeddedChannel ch) {
        StringBuilder sb = new StringBuilder();
        Object o;
        while ((o = ch.readOutbound()) != null) {
            io.netty.buffer.ByteBuf buf = (io.netty.buffer.ByteBuf) o;
            sb.append(buf.toString(StandardCharsets.US_ASCII));
            buf.release();
        }
        return sb.toString();
    }
}
