package org.openscis.codec.qr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Character-level helpers shared by the MPM parser, payload and builder. */
final class MpmText {

    /** EMV common character set ("ans"): printable ASCII. */
    private static final char ANS_FIRST = 0x20;
    private static final char ANS_LAST = 0x7E;

    private MpmText() {
    }

    static int codePoints(String s, int from, int to) {
        return Character.codePointCount(s, from, to);
    }

    static boolean ans(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < ANS_FIRST || c > ANS_LAST) {
                return false;
            }
        }
        return true;
    }

    static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean hasLowerCase(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return true;
            }
        }
        return false;
    }

    /**
     * The objects of a template value, sub-ID to value, in payload order. Only called on values the parser has
     * already checked; on anything malformed it stops and returns what it has (it must not throw).
     */
    static Map<String, String> subObjects(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int to = value.length();
        while (to - i >= 4) {
            int id = MpmScan.twoDigits(value, i);
            int len = MpmScan.twoDigits(value, i + 2);
            if (id < 0 || len <= 0) {
                break;
            }
            int valueStart = i + 4;
            int valueEnd;
            try {
                valueEnd = value.offsetByCodePoints(valueStart, len);
            } catch (IndexOutOfBoundsException truncated) {
                break;
            }
            out.putIfAbsent(id2(id), value.substring(valueStart, valueEnd));
            i = valueEnd;
        }
        return Collections.unmodifiableMap(out);
    }

    private static final String[] IDS = ids();

    /** The two-digit form of an ID 0-99, without allocating. */
    static String id2(int id) {
        return IDS[id];
    }

    /** The ID 0-99 named by a two-digit string, or -1. */
    static int idOf(String id) {
        if (id == null || id.length() != 2) {
            return -1;
        }
        return MpmScan.twoDigits(id, 0);
    }

    private static String[] ids() {
        String[] ids = new String[MpmScan.ID_COUNT];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (i < 10 ? "0" : "") + i;
        }
        return ids;
    }
}
