package org.openscis.server.system;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out the embedded CBS simulator's seeded customer accounts (100000000001 to 100000000500, 1,000.00 HKD each)
 * one at a time, so that the tests sharing one switch never share an account: no 88 from an earlier enrolment, no
 * balance moved by another test.
 */
final class SeededAccounts {

    static final int COUNT = 500;
    static final long SEED_BALANCE_MINOR = 100_000;
    private static final long FIRST = 100_000_000_001L;

    private final AtomicInteger used = new AtomicInteger();

    /** The next account nobody has had yet. */
    String next() {
        int n = used.getAndIncrement();
        if (n >= COUNT) {
            throw new IllegalStateException("all " + COUNT + " seeded accounts are taken");
        }
        return Long.toString(FIRST + n);
    }

    /** A 12-digit account number the simulator does not know. */
    static String unknown() {
        return Long.toString(FIRST + COUNT + 1000);
    }
}
