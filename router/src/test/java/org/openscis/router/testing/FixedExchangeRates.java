package org.openscis.router.testing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openscis.router.port.ExchangeRates;

/** Rates set in the test, one direction per entry (as a rates file lists them); 1 for a currency to itself. */
public final class FixedExchangeRates implements ExchangeRates {

    private final Map<String, BigDecimal> rates = new ConcurrentHashMap<>();

    /** One unit of {@code from} buys {@code rate} units of {@code to}. */
    public FixedExchangeRates rate(String from, String to, String rate) {
        rates.put(from + ">" + to, new BigDecimal(rate));
        return this;
    }

    @Override
    public Optional<BigDecimal> rate(String fromNumeric, String toNumeric) {
        if (fromNumeric.equals(toNumeric)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(rates.get(fromNumeric + ">" + toNumeric));
    }
}
