package org.openscis.codec.jose;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** One small edit of a string, as a property-test input: replace, insert or delete one character, or truncate. */
record Mutation(Kind kind, double position, char character) {

    enum Kind { REPLACE, INSERT, DELETE, TRUNCATE }

    /** Characters that matter to the parsers: both base64 alphabets, padding, the separator, and some noise. */
    static final String INTERESTING = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=.{}\"\\ \u00e9\u0000";

    static Arbitrary<Mutation> arbitrary() {
        return Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(INTERESTING.toCharArray()))
                .as(Mutation::new);
    }

    String applyTo(String s) {
        if (s.isEmpty()) {
            return kind == Kind.INSERT ? String.valueOf(character) : s;
        }
        int at = Math.min(s.length() - 1, (int) (position * s.length()));
        return switch (kind) {
            case REPLACE -> s.substring(0, at) + character + s.substring(at + 1);
            case INSERT -> s.substring(0, at) + character + s.substring(at);
            case DELETE -> s.substring(0, at) + s.substring(at + 1);
            case TRUNCATE -> s.substring(0, at);
        };
    }
}
