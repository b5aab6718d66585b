package org.openscis.codec.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class AmountProperties {

    private static final List<Currency> CURRENCIES = all();

    @Property(tries = 1000)
    void parseOfToWireIsIdentityWhileTheWireFormFits(@ForAll("currencies") Currency currency,
                                                     @ForAll @LongRange(min = 1, max = 9_999_999_999_999L) long minor) {
        Amount amount = new Amount(minor, currency);
        String wire = amount.toWire();

        if (wire.length() <= WireAmount.MAX_WIRE_CHARS) {
            assertThat(Amount.parse(wire, currency)).isEqualTo(new AmountParse.Ok(amount));
        } else {
            assertThat(Amount.parse(wire, currency)).isInstanceOf(AmountParse.Invalid.class);
        }
    }

    @Property(tries = 500)
    void toWireOfParseIsTheTextPaddedToTheExponent(@ForAll("currencies") Currency currency,
                                                   @ForAll("wireLike") String text) {
        AmountParse parsed = Amount.parseAllowZero(text, currency);

        if (parsed instanceof AmountParse.Ok ok) {
            String wire = ok.amount().toWire();
            assertThat(new java.math.BigDecimal(wire)).isEqualByComparingTo(new java.math.BigDecimal(text));
            assertThat(wire.indexOf('.') < 0 ? 0 : wire.length() - wire.indexOf('.') - 1)
                    .isEqualTo(currency.exponent());
        }
    }

    @Property(tries = 1000)
    void randomStringsNeverThrow(@ForAll String text, @ForAll("currencies") Currency currency) {
        assertThat(Amount.parse(text, currency)).isNotNull();
        assertThat(Amount.parseAllowZero(text, currency)).isNotNull();
    }

    @Property(tries = 500)
    void parseRefusesExactlyWhatParseAllowZeroRefusesPlusZero(@ForAll("wireLike") String text,
                                                               @ForAll("currencies") Currency currency) {
        AmountParse strict = Amount.parse(text, currency);
        AmountParse lenient = Amount.parseAllowZero(text, currency);

        if (lenient instanceof AmountParse.Ok ok && ok.amount().minor() > 0) {
            assertThat(strict).isEqualTo(lenient);
        } else {
            assertThat(strict).isInstanceOf(AmountParse.Invalid.class);
        }
    }

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of(CURRENCIES);
    }

    @Provide
    Arbitrary<String> wireLike() {
        return Arbitraries.strings().withChars("0123456789.-").ofMinLength(1).ofMaxLength(15);
    }

    private static List<Currency> all() {
        List<Currency> list = new ArrayList<>();
        Iso4217.all().forEach(list::add);
        return list;
    }
}
