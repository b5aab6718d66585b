package org.openscis.bench.load;

import java.util.concurrent.ThreadLocalRandom;

/** Identifiers for generated requests: each enrolment is a new wallet user on a new device, on a seeded account. */
final class RandomIds {

    static final long FIRST_SEEDED_ACCOUNT = 100_000_000_001L;
    static final int SEEDED_ACCOUNTS = 500;
    static final int DEVICE_ID_HEX_CHARS = 32;
    static final int USER_ID_DIGITS = 16;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RandomIds() {}

    /**
     * One of the embedded CBS simulator's seeded accounts (100000000001 to 100000000500): the switch asks the CBS
     * before enrolling an account and answers 14 for one it does not know. Enrolments on a new device each may share
     * an account.
     */
    static String accountNo() {
        return Long.toString(FIRST_SEEDED_ACCOUNT + ThreadLocalRandom.current().nextInt(SEEDED_ACCOUNTS));
    }

    static String deviceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[DEVICE_ID_HEX_CHARS];
        for (int i = 0; i < out.length; i++) {
            out[i] = HEX[random.nextInt(HEX.length)];
        }
        return new String(out);
    }

    static String userId() {
        return digits(USER_ID_DIGITS);
    }

    private static String digits(int count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[count];
        out[0] = (char) ('1' + random.nextInt(9));
        for (int i = 1; i < count; i++) {
            out[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(out);
    }
}
