package org.openscis.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Currency;
import java.util.regex.Pattern;

/** The shapes configuration values must have; each check returns a problem text or null when the value is fine. */
final class Formats {

    static final Pattern INS_ID = Pattern.compile("[A-Za-z0-9]{1,16}");
    static final Pattern IIN = Pattern.compile("\\d{8}");
    static final Pattern CARD_BIN = Pattern.compile("62\\d{4,6}");
    static final Pattern PRODUCT_NO = Pattern.compile("[A-Za-z0-9]{1,16}");
    static final Pattern CURRENCY = Pattern.compile("\\d{3}");
    static final Pattern CARD_FACE_ID = Pattern.compile("\\d{6}");
    static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,4}");
    static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
    /** Key ids are opaque to the switch; printable ASCII without spaces keeps them safe in JOSE headers and logs. */
    static final Pattern MID = Pattern.compile("[A-Za-z0-9 ]{1,15}");
    static final Pattern MCC = Pattern.compile("\\d{4}");
    static final Pattern COUNTRY = Pattern.compile("\\d{3}");
    static final Pattern TIER = Pattern.compile("\\d{1,2}");
    static final Pattern KID = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private Formats() {}

    /** Null when {@code value} matches, else "must be {@code shape}, found ...". */
    static String match(String value, Pattern pattern, String shape) {
        return pattern.matcher(value).matches() ? null : "must be " + shape + ", found \"" + value + "\"";
    }

    /** Null for a numeric ISO 4217 code of a currency the JDK knows (e.g. 344, 156, 840). */
    static String currency(String value) {
        String shape = match(value, CURRENCY, "an ISO 4217 numeric code (3 digits)");
        if (shape != null) {
            return shape;
        }
        int code = Integer.parseInt(value);
        boolean known = Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getNumericCode() == code);
        return known ? null : "is not an ISO 4217 currency code, found \"" + value + "\"";
    }

    /** Null for an absolute http or https URL with a host. */
    static String httpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                return "must be an http:// or https:// URL with a host, found \"" + value + "\"";
            }
            return null;
        } catch (URISyntaxException e) {
            return "must be an http:// or https:// URL, found \"" + value + "\" (" + e.getReason() + ")";
        }
    }
}
