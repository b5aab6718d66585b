package org.openscis.codec.qr;

import java.util.Optional;

/**
 * A UnionPay URL-mode merchant QR, {@code https://qr.95516.com/<institution>/<code>} (qr.md §8). Detection is strict
 * (scheme https, host exactly qr.95516.com, 8 digits then 16-40 digits, nothing else); the URL itself stays opaque and
 * callers must echo the original string, not rebuild it from these parts.
 */
public record UrlQr(String institution, String code) {

    private static final String SCHEME = "https://";
    private static final String HOST = "qr.95516.com";
    private static final int INSTITUTION_DIGITS = 8;
    private static final int MIN_CODE_DIGITS = 16;
    private static final int MAX_CODE_DIGITS = 40;

    /** The two path segments if {@code s} is a UnionPay URL-mode code; empty for anything else (never throws). */
    public static Optional<UrlQr> parse(String s) {
        if (s == null || !s.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        int host = SCHEME.length();
        int slash = host + HOST.length();
        if (s.length() <= slash || !s.regionMatches(true, host, HOST, 0, HOST.length()) || s.charAt(slash) != '/') {
            return Optional.empty();
        }
        int first = slash + 1;
        int firstEnd = first + INSTITUTION_DIGITS;
        if (s.length() <= firstEnd || !MpmText.digits(s, first, firstEnd) || s.charAt(firstEnd) != '/') {
            return Optional.empty();
        }
        int second = firstEnd + 1;
        int codeDigits = s.length() - second;
        if (codeDigits < MIN_CODE_DIGITS || codeDigits > MAX_CODE_DIGITS || !MpmText.digits(s, second, s.length())) {
            return Optional.empty();
        }
        return Optional.of(new UrlQr(s.substring(first, firstEnd), s.substring(second)));
    }
}
