package org.openscis.bench.load;

import java.util.Optional;

/**
 * Consecutive issuer account numbers that exist at the CBS, e.g. the embedded simulator's seeded 100000000001 and
 * the 499 after it. Account {@code i} is {@code first + (i mod count)}, written with as many digits as {@code first}.
 */
public record AccountRange(long first, int count, int digits) {

    public static final int MIN_DIGITS = 6;
    /** A long holds 18 digits without overflow even after adding the count. */
    public static final int MAX_DIGITS = 17;
    public static final int MAX_COUNT = 1_000_000;

    public AccountRange {
        if (count < 1 || digits < MIN_DIGITS || digits > MAX_DIGITS || first < 0
                || Long.toString(first + count - 1).length() > digits) {
            throw new IllegalArgumentException("not an account range: first " + first + ", count " + count);
        }
    }

    /** Parses {@code first} (digits, not starting with 0) and checks that the last account keeps its length. */
    public static Optional<AccountRange> of(String first, int count) {
        if (first == null || first.length() < MIN_DIGITS || first.length() > MAX_DIGITS || first.charAt(0) == '0'
                || count < 1 || count > MAX_COUNT) {
            return Optional.empty();
        }
        for (int i = 0; i < first.length(); i++) {
            if (first.charAt(i) < '0' || first.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        long value = Long.parseLong(first);
        if (Long.toString(value + count - 1).length() != first.length()) {
            return Optional.empty();
        }
        return Optional.of(new AccountRange(value, count, first.length()));
    }

    /** The {@code index}-th account, wrapping around after {@code count}. */
    public String accountNo(long index) {
        String digitsText = Long.toString(first + Math.floorMod(index, (long) count));
        return "0".repeat(digits - digitsText.length()) + digitsText;
    }

    /**
     * The accounts from {@code offset} on (the part the warm-up did not enrol), or the whole range when nothing is
     * left.
     */
    public AccountRange from(int offset) {
        if (offset <= 0 || offset >= count) {
            return this;
        }
        return new AccountRange(first + offset, count - offset, digits);
    }

    /** E.g. {@code 100000000001..100000000500}. */
    public String text() {
        return accountNo(0) + ".." + accountNo(count - 1L);
    }
}
