package org.openscis.server.client;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * App Gateway msgIDs (protocol.md §2.3): {@code A} + insID + {@code yyyyMMddHHmmss} + 6 digits. The six digits are
 * a sequence starting at a random value rather than fresh random digits, so that one client (e.g. the load
 * generator at thousands of requests per second) never repeats a msgID within a second; the random start keeps
 * separate client processes apart.
 */
final class MsgIds {

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final int SEQUENCE_MODULUS = 1_000_000;

    private final Clock clock;
    private final AtomicInteger sequence = new AtomicInteger(ThreadLocalRandom.current().nextInt(SEQUENCE_MODULUS));

    MsgIds(Clock clock) {
        this.clock = clock;
    }

    String next(String insID) {
        int seq = Math.floorMod(sequence.getAndIncrement(), SEQUENCE_MODULUS);
        return "A" + insID + timestamp() + String.format("%06d", seq);
    }

    /** The sender's local time as msgInfo.timeStamp carries it. */
    String timestamp() {
        return LocalDateTime.now(clock).format(TIMESTAMP);
    }
}
