package org.openscis.router.port;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.openscis.router.MessageType;

/**
 * The money rules of a card product (decisions.md §5), amounts in minor units of the product's currency.
 *
 * @param perTransactionMinor the largest single movement; 0 = no limit                  → 61
 * @param dailyMinor          the largest sum of outgoing movements per UTC day; 0 = none → 61
 * @param blockedMccs         merchant categories the product refuses                       → 62
 * @param blockedCountries    merchant countries (ISO 3166 numeric) the product refuses     → 62
 * @param cutOffStart         start of the daily cut-off window, or null for none            → 90
 * @param cutOffEnd           end (exclusive) of the window; may be before the start (crosses midnight)
 * @param cutOffZone          the zone the window is read in
 * @param openingBalanceMinor the balance OPEN_ACCOUNT gives a new account
 * @param defaultTier         the account tier until the App Gateway reports another
 * @param minimumTier         per message type, the lowest tier (compared as numbers) allowed to send it → 57
 * @param cashOutTokenValidityMinutes how long a GET_CASH_OUT_TOKEN token can be withdrawn
 */
public record ProductLimits(
        long perTransactionMinor,
        long dailyMinor,
        Set<String> blockedMccs,
        Set<String> blockedCountries,
        LocalTime cutOffStart,
        LocalTime cutOffEnd,
        ZoneId cutOffZone,
        long openingBalanceMinor,
        String defaultTier,
        Map<MessageType, Integer> minimumTier,
        int cashOutTokenValidityMinutes) {

    /** No limits, no restrictions, no cut-off, opening balance 0, tier "1", cash-out tokens valid 30 minutes. */
    public static final ProductLimits NONE = new ProductLimits(0, 0, Set.of(), Set.of(), null, null, ZoneId.of("UTC"),
            0, "1", Map.of(), 30);
}
