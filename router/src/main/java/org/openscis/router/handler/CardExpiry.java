package org.openscis.router.handler;

import java.time.YearMonth;
import java.util.Optional;
import org.openscis.codec.card.Luhn;

/**
 * Card expiry formats: {@code YYMM} as stored and carried in track data, {@code MM/YY} as printed on the card and sent
 * as {@code panExpiry}, and the token's {@code YYMMDDhhmmss}. Years are 20YY: SCIS cards never expire before 2000 or
 * after 2099. Parsing returns empty instead of throwing.
 */
public final class CardExpiry {

    private static final int CENTURY = 2000;

    private CardExpiry() {}

    /** {@code YYMM} with a month 01-12. */
    public static Optional<YearMonth> parseYymm(String yymm) {
        if (yymm == null || yymm.length() != 4 || !Luhn.allDigits(yymm)) {
            return Optional.empty();
        }
        return of(Integer.parseInt(yymm.substring(0, 2)), Integer.parseInt(yymm.substring(2, 4)));
    }

    /** {@code MM/YY} with a month 01-12. */
    public static Optional<YearMonth> parseMmSlashYy(String mmyy) {
        if (mmyy == null || mmyy.length() != 5 || mmyy.charAt(2) != '/') {
            return Optional.empty();
        }
        String mm = mmyy.substring(0, 2);
        String yy = mmyy.substring(3, 5);
        if (!Luhn.allDigits(mm) || !Luhn.allDigits(yy)) {
            return Optional.empty();
        }
        return of(Integer.parseInt(yy), Integer.parseInt(mm));
    }

    /** What a cardholder may type in {@code cvmInfo.expiryDate}: {@code YYMM} or {@code MM/YY}. */
    public static Optional<YearMonth> parseEntered(String value) {
        Optional<YearMonth> yymm = parseYymm(value);
        return yymm.isPresent() ? yymm : parseMmSlashYy(value);
    }

    public static String yymm(YearMonth month) {
        return twoDigits(month.getYear() - CENTURY) + twoDigits(month.getMonthValue());
    }

    /** {@code YYMMDDhhmmss} of the last second of {@code month}: a token lives exactly as long as its card. */
    public static String tokenExpiry(YearMonth month) {
        return yymm(month) + twoDigits(month.lengthOfMonth()) + "235959";
    }

    private static Optional<YearMonth> of(int yy, int mm) {
        if (mm < 1 || mm > 12) {
            return Optional.empty();
        }
        return Optional.of(YearMonth.of(CENTURY + yy, mm));
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
