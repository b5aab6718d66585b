package org.openscis.codec.envelope;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Decoding reads the readable bytes of any kind of buffer and leaves its indices and reference count alone. */
class ByteBufInputTest {

    private static final ByteBufAllocator POOLED = PooledByteBufAllocator.DEFAULT;

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final byte[] body = Examples.bytes("trx_result_notification_request");
    private final Envelope expected = Examples.decodeOk(body);

    @Test
    void pooledHeapBuffer() {
        check(bytes -> POOLED.heapBuffer(bytes.length).writeBytes(bytes));
    }

    @Test
    void pooledDirectBuffer() {
        check(bytes -> POOLED.directBuffer(bytes.length).writeBytes(bytes));
    }

    @Test
    void unpooledDirectBuffer() {
        check(bytes -> Unpooled.directBuffer().writeBytes(bytes));
    }

    @Test
    void bufferWithBytesBeforeTheReaderIndexAndAfterTheBody() {
        check(bytes -> {
            ByteBuf buf = POOLED.heapBuffer();
            buf.writeBytes("garbage{\"x\":".getBytes(UTF_8)).writeBytes(bytes).writeBytes("]]".getBytes(UTF_8));
            buf.readerIndex(12);
            buf.writerIndex(buf.writerIndex() - 2);
            return buf;
        });
    }

    @Test
    void sliceOfAWrappedArrayWithAnOffset() {
        check(bytes -> {
            byte[] padded = new byte[bytes.length + 10];
            System.arraycopy(bytes, 0, padded, 7, bytes.length);
            return Unpooled.wrappedBuffer(padded, 7, bytes.length);
        });
    }

    @Test
    void compositeBufferWithoutABackingArray() {
        check(bytes -> {
            CompositeByteBuf composite = POOLED.compositeBuffer();
            int half = bytes.length / 2;
            composite.addComponent(true, POOLED.directBuffer().writeBytes(bytes, 0, half));
            composite.addComponent(true, POOLED.heapBuffer().writeBytes(bytes, half, bytes.length - half));
            assertThat(composite.hasArray()).isFalse();
            return composite;
        });
    }

    @Test
    void unreadableInputIsNotConsumedOrReleasedEither() {
        for (byte[] bad : new byte[][] {"[".getBytes(UTF_8), new byte[] {(byte) 0xff}, "{}".getBytes(UTF_8)}) {
            ByteBuf buf = POOLED.directBuffer().writeBytes(bad);
            try {
                assertThat(codec.decode(buf)).isInstanceOf(DecodeResult.Unreadable.class);
                assertThat(buf.readerIndex()).isZero();
                assertThat(buf.writerIndex()).isEqualTo(bad.length);
                assertThat(buf.refCnt()).isEqualTo(1);
            } finally {
                buf.release();
            }
        }
    }

    private void check(Function<byte[], ByteBuf> make) {
        ByteBuf buf = make.apply(body);
        try {
            int readerIndex = buf.readerIndex();
            int writerIndex = buf.writerIndex();

            DecodeResult first = codec.decode(buf);
            DecodeResult second = codec.decode(buf);

            assertThat(first).isEqualTo(new DecodeResult.Ok(expected));
            assertThat(second).isEqualTo(first);
            assertThat(buf.readerIndex()).isEqualTo(readerIndex);
            assertThat(buf.writerIndex()).isEqualTo(writerIndex);
            assertThat(buf.refCnt()).isEqualTo(1);
        } finally {
            assertThat(buf.release()).isTrue();
        }
    }
}
