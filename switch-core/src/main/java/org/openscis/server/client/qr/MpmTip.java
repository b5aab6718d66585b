package org.openscis.server.client.qr;

import java.util.Optional;

/**
 * Tag 55 of a merchant QR and its value (qr.md §2): the payer enters a tip ({@code prompt}, 55 = 01), a fixed
 * convenience fee ({@code fixed:1.00}, 55 = 02 with 56) or a percentage fee ({@code percent:5}, 55 = 03 with 57).
 */
public sealed interface MpmTip {

    String PROMPT_TEXT = "prompt";
    String FIXED_PREFIX = "fixed:";
    String PERCENT_PREFIX = "percent:";

    /** 55 = 01. */
    record Prompt() implements MpmTip {}

    /** 55 = 02, 56 = {@code fee} (a wire amount, e.g. {@code "1.00"}). */
    record Fixed(String fee) implements MpmTip {}

    /** 55 = 03, 57 = {@code percent} (e.g. {@code "5"} or {@code "2.5"}). */
    record Percent(String percent) implements MpmTip {}

    /** Reads {@code prompt}, {@code fixed:<amount>} or {@code percent:<value>}; empty for anything else. */
    static Optional<MpmTip> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.equals(PROMPT_TEXT)) {
            return Optional.of(new Prompt());
        }
        if (text.startsWith(FIXED_PREFIX) && text.length() > FIXED_PREFIX.length()) {
            return Optional.of(new Fixed(text.substring(FIXED_PREFIX.length())));
        }
        if (text.startsWith(PERCENT_PREFIX) && text.length() > PERCENT_PREFIX.length()) {
            return Optional.of(new Percent(text.substring(PERCENT_PREFIX.length())));
        }
        return Optional.empty();
    }
}
