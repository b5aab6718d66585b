package org.openscis.codec.qr;

import java.util.Arrays;

/**
 * One pass over an ID/length/value sequence (root or template), recording where each ID's value sits. Lengths count
 * code points; positions are char indexes into the scanned string. Reusable, so a parse allocates two of them at most.
 */
final class MpmScan {

    static final int ID_COUNT = 100;
    private static final int HEADER_CHARS = 4;

    private final int[] start = new int[ID_COUNT];
    private final int[] end = new int[ID_COUNT];
    private int firstId;
    private int lastId;
    private int lastStart;
    private int lastEnd;
    private int duplicateId;
    private MpmError error;
    private int errorAt;

    MpmScan() {
        Arrays.fill(start, -1);
    }

    /** Scans {@code s} between char indexes {@code from} and {@code to}; false (see {@link #error()}) if not TLV. */
    boolean scan(String s, int from, int to) {
        Arrays.fill(start, -1);
        firstId = -1;
        lastId = -1;
        duplicateId = -1;
        error = null;
        int i = from;
        while (i < to) {
            if (to - i < HEADER_CHARS) {
                return fail(MpmError.TRUNCATED, i - from);
            }
            int id = twoDigits(s, i);
            if (id < 0) {
                return fail(MpmError.ID_NOT_NUMERIC, i - from);
            }
            int len = twoDigits(s, i + 2);
            if (len < 0) {
                return fail(MpmError.LENGTH_NOT_NUMERIC, i - from);
            }
            if (len == 0) {
                return fail(MpmError.LENGTH_ZERO, i - from);
            }
            int valueStart = i + HEADER_CHARS;
            i = valueStart;
            for (int k = 0; k < len; k++) {
                if (i >= to) {
                    return fail(MpmError.TRUNCATED, valueStart - from);
                }
                char c = s.charAt(i++);
                if (Character.isHighSurrogate(c) && i < to && Character.isLowSurrogate(s.charAt(i))) {
                    i++;
                }
            }
            if (firstId < 0) {
                firstId = id;
            }
            if (start[id] >= 0) {
                if (duplicateId < 0) {
                    duplicateId = id;
                }
            } else {
                start[id] = valueStart;
                end[id] = i;
            }
            lastId = id;
            lastStart = valueStart;
            lastEnd = i;
        }
        return true;
    }

    private boolean fail(MpmError e, int offset) {
        error = e;
        errorAt = offset;
        return false;
    }

    static int twoDigits(CharSequence s, int i) {
        char a = s.charAt(i);
        char b = s.charAt(i + 1);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return -1;
        }
        return (a - '0') * 10 + (b - '0');
    }

    boolean has(int id) {
        return start[id] >= 0;
    }

    int start(int id) {
        return start[id];
    }

    int end(int id) {
        return end[id];
    }

    int firstId() {
        return firstId;
    }

    int lastId() {
        return lastId;
    }

    int lastStart() {
        return lastStart;
    }

    int lastEnd() {
        return lastEnd;
    }

    /** The first ID seen twice, or -1. */
    int duplicateId() {
        return duplicateId;
    }

    MpmError error() {
        return error;
    }

    /** Char offset of the failing object, relative to the scanned range. */
    int errorAt() {
        return errorAt;
    }
}
