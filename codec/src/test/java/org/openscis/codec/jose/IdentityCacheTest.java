package org.openscis.codec.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdentityCacheTest {

    @Test
    void createsOncePerKeyObject() throws Exception {
        IdentityCache<Object, Integer> cache = new IdentityCache<>();
        AtomicInteger created = new AtomicInteger();
        String key = new String("key");
        String equalButDistinct = new String("key");

        int first = cache.get(key, k -> created.incrementAndGet());
        int again = cache.get(key, k -> created.incrementAndGet());
        int other = cache.get(equalButDistinct, k -> created.incrementAndGet());

        assertThat(first).isEqualTo(again).isEqualTo(1);
        assertThat(other).isEqualTo(2);
    }

    @Test
    void staysBounded() throws Exception {
        IdentityCache<Object, Object> cache = new IdentityCache<>();

        for (int i = 0; i < IdentityCache.MAX_ENTRIES * 2 + 10; i++) {
            cache.get(new Object(), k -> k);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(IdentityCache.MAX_ENTRIES);
    }
}
