package org.openscis.router.handler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * ISO 3166-1 alpha-2 to numeric. An EMV merchant QR names its country in alpha-2 (tag 58, e.g. {@code HK}) while
 * the CBS {@code merchantCountry} and the products' blocked countries are numeric ({@code 344}).
 */
final class CountryCodes {

    private static final String TABLE = "iso3166-numeric.txt";
    private static final Map<String, String> NUMERIC_BY_ALPHA2 = load();

    private CountryCodes() {}

    /** The numeric code of an upper-case alpha-2 code, or empty for one ISO 3166-1 does not assign. */
    static Optional<String> numeric(String alpha2) {
        return alpha2 == null ? Optional.empty() : Optional.ofNullable(NUMERIC_BY_ALPHA2.get(alpha2));
    }

    private static Map<String, String> load() {
        Map<String, String> map = new HashMap<>();
        try (InputStream in = CountryCodes.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("the country table " + TABLE + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                map.put(parts[0], parts[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
