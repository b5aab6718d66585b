package org.openscis.codec.envelope;

/** UTF-16 well-formedness of decoded and encoded strings. */
final class Unicode {

    private static final char REPLACEMENT = '\uFFFD';

    private Unicode() {}

    /** True unless {@code s} holds a surrogate that is not part of a high-low pair. */
    static boolean wellFormed(String s) {
        return firstLoneSurrogate(s) < 0;
    }

    /**
     * {@code s} with every unpaired surrogate replaced by U+FFFD. Jackson would otherwise write it as a
     * {@code \uD800} escape that no strict peer (including our own decoder) accepts.
     */
    static String replaceLoneSurrogates(String s) {
        int first = firstLoneSurrogate(s);
        if (first < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length()).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return sb.toString();
    }

    private static int firstLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }
}
