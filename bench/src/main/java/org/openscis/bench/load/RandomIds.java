package org.openscis.bench.load;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh identifiers for generated requests: each enrolment is a new wallet user on a new device. */
final class RandomIds {

    static final int DEVICE_ID_HEX_CHARS = 32;
    static final int USER_ID_DIGITS = 16;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RandomIds() {}

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
