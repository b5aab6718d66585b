package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when Netty's leak detector (paranoid in tests, see the parent pom) reports a leaked
 * {@code ByteBuf}: after the class it collects garbage and allocates, which makes the detector report leaks.
 */
final class NettyLeakCheck implements AfterAllCallback {

    private static final int GC_ROUNDS = 8;
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    static {
        try {
            Field f = AbstractByteBuf.class.getDeclaredField("leakDetector");
            f.setAccessible(true);
            ((ResourceLeakDetector<?>) f.get(null)).setLeakListener((type, records) -> LEAKS.add(type + records));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (int i = 0; i < GC_ROUNDS && LEAKS.isEmpty(); i++) {
            System.gc();
            Thread.yield();
            ByteBuf probe = ByteBufAllocator.DEFAULT.buffer(1);
            probe.release();
        }
        List<String> leaks = List.copyOf(LEAKS);
        LEAKS.clear();
        assertThat(leaks).as("leaked ByteBufs (level %s)", ResourceLeakDetector.getLevel()).isEmpty();
    }
}
