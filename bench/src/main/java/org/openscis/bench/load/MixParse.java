package org.openscis.bench.load;

/** Parsing a {@code --mix} value: the mix, or why the text is not one. Never an exception. */
public sealed interface MixParse {

    record Ok(Mix mix) implements MixParse {}

    record Invalid(String reason) implements MixParse {}
}
