package org.openscis.router.port;

import java.math.BigDecimal;
import java.util.Optional;

/** Conversion rates from a configured file: how many units of {@code to} one unit of {@code from} buys. */
public interface ExchangeRates {

    /** The rate between two ISO 4217 numeric currencies; 1 for a currency to itself; empty if not configured. */
    Optional<BigDecimal> rate(String fromNumeric, String toNumeric);
}
