package org.openscis.codec.money;

/** The result of reading a wire amount. */
public sealed interface AmountParse {

    record Ok(Amount amount) implements AmountParse {}

    record Invalid(String reason) implements AmountParse {}
}
