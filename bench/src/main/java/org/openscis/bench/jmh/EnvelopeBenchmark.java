package org.openscis.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openscis.codec.envelope.DecodeResult;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.EnvelopeCodec;

/**
 * Envelope decode and encode of a CARD_ENROLLMENT request and response (real JWE members), from and to a
 * {@code byte[]} and a pooled direct Netty {@link ByteBuf} as the switch's HTTP pipeline hands it over. No crypto, so
 * no provider variants.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnvelopeBenchmark {

    /** Which body: the App Gateway's request (decoded by the switch) or the switch's response (encoded by it). */
    @Param({"REQUEST", "RESPONSE"})
    public String message;

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private Envelope envelope;
    private byte[] bytes;
    private ByteBuf buffer;

    @Setup
    public void setUp() {
        Fixtures fixtures = Fixtures.create();
        bytes = "REQUEST".equals(message) ? fixtures.enrollmentRequestBody() : fixtures.enrollmentResponseBody();
        if (!(codec.decode(bytes) instanceof DecodeResult.Ok ok)) {
            throw new IllegalStateException("the fixture body does not decode");
        }
        envelope = ok.envelope();
        buffer = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length);
        buffer.writeBytes(bytes);
    }

    @TearDown
    public void tearDown() {
        buffer.release();
    }

    @Benchmark
    public DecodeResult decodeBytes() {
        return codec.decode(bytes);
    }

    /** Decoding reads the buffer's readable bytes without consuming them, so one buffer serves every call. */
    @Benchmark
    public DecodeResult decodeByteBuf() {
        return codec.decode(buffer);
    }

    @Benchmark
    public byte[] encodeBytes() {
        return codec.encode(envelope);
    }

    /** As the switch writes a response: into a pooled direct buffer, released once written. */
    @Benchmark
    public int encodeByteBuf() {
        ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length);
        try {
            codec.encode(envelope, out);
            return out.readableBytes();
        } finally {
            out.release();
        }
    }
}
