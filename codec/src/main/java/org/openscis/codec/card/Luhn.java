package org.openscis.codec.card;

/** The Luhn (mod 10) check digit used by PANs and tokens. */
public final class Luhn {

    private Luhn() {}

    /** True if {@code number} is all digits, at least two long, and its last digit is a valid Luhn check digit. */
    public static boolean isValid(String number) {
        if (number == null || number.length() < 2 || !allDigits(number)) {
            return false;
        }
        return checkDigit(number.substring(0, number.length() - 1)) == number.charAt(number.length() - 1) - '0';
    }

    /** The check digit to append to {@code payload} (digits only). */
    public static int checkDigit(String payload) {
        int sum = 0;
        boolean dbl = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit at " + i);
            }
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    public static String withCheckDigit(String payload) {
        return payload + checkDigit(payload);
    }

    public static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
