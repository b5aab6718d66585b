package org.openscis.server.config;

import java.time.Duration;

/**
 * Settings of the money flows: {@code fxRatesFile} (EXCHANGE_RATE_INQUIRY rates; null = none configured),
 * {@code kycValidity} (how long an approved KYC can open an account, default 30m), and the background resolution
 * of unknown outcomes (first looked at two CBS call timeouts after they started): inquiries back off from
 * {@code resolveBackoff} doubling up to {@code resolveMaxBackoff}.
 */
public record MoneyConfig(String fxRatesFile, Duration kycValidity, Duration resolveBackoff,
        Duration resolveMaxBackoff) {

    public static MoneyConfig defaults() {
        return new MoneyConfig(null, Duration.ofMinutes(30), Duration.ofSeconds(2), Duration.ofMinutes(5));
    }
}
