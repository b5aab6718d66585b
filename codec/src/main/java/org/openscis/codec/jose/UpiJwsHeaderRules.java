package org.openscis.codec.jose;

import java.util.List;

/**
 * What a {@code UPI-JWS} protected header must satisfy (decisions.md §3 gate step 2), shared by parsing and signing
 * so that everything the switch signs is something it would accept. Reasons name the rule, never the value.
 */
final class UpiJwsHeaderRules {

    /** Key ids seen are decimal certificate serials of up to 16 digits; leave room for other conventions. */
    static final int MAX_KID_CHARS = 128;
    /** RFC 4122 with dashes is 36; the protocol form is 32 hex. */
    static final int MAX_UUID_CHARS = 64;
    /** insIDs are 8 digits. */
    static final int MAX_APPID_CHARS = 64;
    static final int MAX_REQPATH_CHARS = 512;
    /** Fits a {@code long}; real values are 10 digits. */
    static final int MAX_TIMESTAMP_DIGITS = 18;

    private UpiJwsHeaderRules() {}

    /** Null when the header is acceptable, else a short reason. */
    static String problem(UpiJwsHeader h) {
        if (h.alg() == null) {
            return "alg missing";
        }
        if (JwsAlg.of(h.alg()) == null) {
            return "alg not allowed";
        }
        String fields = fieldProblem(h);
        return fields != null ? fields : critProblem(h);
    }

    private static String fieldProblem(UpiJwsHeader h) {
        if (h.kid() == null) {
            return "kid missing";
        }
        if (!isPrintable(h.kid(), MAX_KID_CHARS)) {
            return "kid malformed";
        }
        if (h.uuid() == null) {
            return UpiJwsHeader.UUID + " missing";
        }
        if (!isUuidLike(h.uuid())) {
            return UpiJwsHeader.UUID + " malformed";
        }
        if (h.timestamp() == null) {
            return UpiJwsHeader.TIMESTAMP + " missing";
        }
        if (!isDigits(h.timestamp(), MAX_TIMESTAMP_DIGITS)) {
            return UpiJwsHeader.TIMESTAMP + " is not a string of digits";
        }
        if (h.appId() == null) {
            return UpiJwsHeader.APPID + " missing";
        }
        if (!isPrintable(h.appId(), MAX_APPID_CHARS)) {
            return UpiJwsHeader.APPID + " malformed";
        }
        if (h.reqPath() != null && !isPrintable(h.reqPath(), MAX_REQPATH_CHARS)) {
            return UpiJwsHeader.REQPATH + " malformed";
        }
        return null;
    }

    /**
     * {@code crit} must be a non-empty list of distinct understood names equal, as a set, to the UPI parameters
     * present: an unlisted UPI parameter could be ignored by a peer, a listed absent one is meaningless.
     */
    private static String critProblem(UpiJwsHeader h) {
        List<String> crit = h.crit();
        if (crit == null) {
            return "crit missing";
        }
        if (crit.isEmpty()) {
            return "crit empty";
        }
        int seen = 0;
        for (String name : crit) {
            int bit = bitOf(name);
            if (bit == 0) {
                return "crit lists a name that is not understood";
            }
            if ((seen & bit) != 0) {
                return "crit lists a name twice";
            }
            seen |= bit;
        }
        int present = 0b0111 | (h.reqPath() != null ? 0b1000 : 0);
        if ((present & ~seen) != 0) {
            return "crit does not list every UPI parameter present";
        }
        if ((seen & ~present) != 0) {
            return "crit lists a parameter the header lacks";
        }
        return null;
    }

    private static int bitOf(String name) {
        if (name == null) {
            return 0;
        }
        return switch (name) {
            case UpiJwsHeader.UUID -> 0b0001;
            case UpiJwsHeader.TIMESTAMP -> 0b0010;
            case UpiJwsHeader.APPID -> 0b0100;
            case UpiJwsHeader.REQPATH -> 0b1000;
            default -> 0;
        };
    }

    private static boolean isPrintable(String s, int maxChars) {
        int n = s.length();
        if (n == 0 || n > maxChars) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUuidLike(String s) {
        int n = s.length();
        if (n == 0 || n > MAX_UUID_CHARS) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String s, int maxDigits) {
        int n = s.length();
        if (n == 0 || n > maxDigits) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
