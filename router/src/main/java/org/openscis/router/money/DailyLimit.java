package org.openscis.router.money;

import java.time.Instant;

/**
 * A card's outgoing total per UTC day may not exceed {@code limitMinor} (minor units of {@code currency}); {@code
 * since} is the start of the day the movement counts in.
 */
public record DailyLimit(String cardId, String currency, Instant since, long limitMinor) {}
