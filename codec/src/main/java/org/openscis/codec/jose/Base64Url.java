package org.openscis.codec.jose;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Base64 decoding with explicit alphabet and padding rules. {@link Base64#getUrlDecoder()} alone accepts padding
 * and tolerates non-zero trailing bits, so the rules the protocol needs are checked here first. Decoders return
 * null instead of throwing.
 */
final class Base64Url {

    private static final Base64.Encoder URL_UNPADDED = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Encoder URL_PADDED = Base64.getUrlEncoder();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private Base64Url() {}

    static String encode(byte[] bytes) {
        return URL_UNPADDED.encodeToString(bytes);
    }

    static byte[] encodeAscii(byte[] bytes, boolean padded) {
        return (padded ? URL_PADDED : URL_UNPADDED).encode(bytes);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Unpadded base64url as RFC 7515 requires; non-canonical trailing bits are accepted. */
    static byte[] decodeUnpadded(String s) {
        if (!isUnpaddedUrl(s, false)) {
            return null;
        }
        return URL_DECODER.decode(s);
    }

    /**
     * Unpadded base64url whose unused trailing bits are zero, so that exactly one string encodes given bytes.
     * An empty string is accepted (an empty JWE segment).
     */
    static boolean isCanonicalUnpadded(String s) {
        return s.isEmpty() || isUnpaddedUrl(s, true);
    }

    /**
     * Either alphabet (base64 {@code + /} or base64url {@code - _}), with or without correct {@code =} padding: what
     * real clients put in the signature segment (protocol.md §4.9).
     */
    static byte[] decodeLenient(String s) {
        return decodeLenient(s, true);
    }

    /** Base64url with or without correct {@code =} padding. */
    static byte[] decodeLenientUrl(String s) {
        return decodeLenient(s, false);
    }

    private static byte[] decodeLenient(String s, boolean standardAlphabet) {
        int end = s.length();
        int padding = 0;
        while (end > 0 && s.charAt(end - 1) == '=' && padding < 3) {
            end--;
            padding++;
        }
        if (end == 0 || padding > 2 || (padding > 0 && s.length() % 4 != 0) || end % 4 == 1) {
            return null;
        }
        char[] normalized = new char[end];
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '+' && standardAlphabet) {
                c = '-';
            } else if (c == '/' && standardAlphabet) {
                c = '_';
            } else if (!isUrlChar(c)) {
                return null;
            }
            normalized[i] = c;
        }
        return URL_DECODER.decode(new String(normalized));
    }

    private static boolean isUnpaddedUrl(String s, boolean canonical) {
        int n = s.length();
        if (n == 0 || n % 4 == 1) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!isUrlChar(s.charAt(i))) {
                return false;
            }
        }
        if (!canonical) {
            return true;
        }
        int last = value(s.charAt(n - 1));
        return switch (n % 4) {
            case 2 -> (last & 0x0F) == 0;
            case 3 -> (last & 0x03) == 0;
            default -> true;
        };
    }

    static boolean isUrlChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }
}
