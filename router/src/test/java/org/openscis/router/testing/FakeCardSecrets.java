package org.openscis.router.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * Seeded random digits (reproducible tests) with an optional queue of scripted draws, and a CVN2 derived from a hash
 * of PAN and expiry (stands in for the keyed function).
 */
public final class FakeCardSecrets implements org.openscis.router.port.CardSecrets {

    private final Random random;
    private final Deque<String> scripted = new ArrayDeque<>();

    public FakeCardSecrets(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Queues draws to return before the random ones. A scripted value longer than the requested count is cut to its
     * first {@code count} digits; shorter values are padded with zeros.
     */
    public synchronized FakeCardSecrets script(String... digits) {
        for (String d : digits) {
            scripted.addLast(d);
        }
        return this;
    }

    @Override
    public synchronized String randomDigits(int count) {
        if (!scripted.isEmpty()) {
            String s = scripted.removeFirst();
            return s.length() >= count ? s.substring(0, count) : s + "0".repeat(count - s.length());
        }
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }

    @Override
    public String cvn2(String pan, String expiryYymm) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((pan + "|" + expiryYymm).getBytes(StandardCharsets.US_ASCII));
            int v = ((h[0] & 0xff) << 8 | (h[1] & 0xff)) % 1000;
            return String.format("%03d", v);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
