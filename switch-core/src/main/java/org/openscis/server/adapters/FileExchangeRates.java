package org.openscis.server.adapters;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openscis.codec.money.Currency;
import org.openscis.router.port.ExchangeRates;

/**
 * EXCHANGE_RATE_INQUIRY rates from a CSV file ({@code from,to,rate} per line, ISO 4217 numeric codes, {@code #}
 * comments), read once at start. A pair is usable in the direction written; the reverse direction is derived
 * (1/rate, 10 significant digits) only when the file does not give it, so an operator's explicit buy/sell rates win.
 */
public final class FileExchangeRates implements ExchangeRates {

    private static final java.math.MathContext INVERSE = new java.math.MathContext(10);

    private final Map<String, BigDecimal> rates;

    private FileExchangeRates(Map<String, BigDecimal> rates) {
        this.rates = Map.copyOf(rates);
    }

    public static FileExchangeRates none() {
        return new FileExchangeRates(Map.of());
    }

    /** Reads {@code file}; a malformed line is an error naming the line, so a bad file stops the start. */
    public static FileExchangeRates load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, BigDecimal> explicit = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("from,")) {
                continue;
            }
            String[] parts = line.split(",");
            if (parts.length != 3) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected from,to,rate");
            }
            String from = parts[0].strip();
            String to = parts[1].strip();
            if (Currency.byNumeric(from).isEmpty() || Currency.byNumeric(to).isEmpty()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": unknown ISO 4217 currency");
            }
            BigDecimal rate;
            try {
                rate = new BigDecimal(parts[2].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": rate is not a decimal number");
            }
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": rate must be positive");
            }
            if (explicit.put(key(from, to), rate) != null) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": pair " + from + "," + to
                        + " is listed twice");
            }
        }
        Map<String, BigDecimal> all = new HashMap<>(explicit);
        explicit.forEach((k, rate) -> {
            String[] pair = k.split(">");
            all.putIfAbsent(key(pair[1], pair[0]), BigDecimal.ONE.divide(rate, INVERSE));
        });
        return new FileExchangeRates(all);
    }

    @Override
    public Optional<BigDecimal> rate(String fromNumeric, String toNumeric) {
        if (fromNumeric != null && fromNumeric.equals(toNumeric)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(rates.get(key(fromNumeric, toNumeric)));
    }

    private static String key(String from, String to) {
        return from + ">" + to;
    }
}
