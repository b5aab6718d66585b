package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;

class ExchangeRateProperties {

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of("392", "156", "048", "990").map(code -> Currency.byNumeric(code).orElseThrow());
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.longs().between(1, 999_999_999L).flatMap(unscaled -> Arbitraries.integers().between(0, 9)
                .map(scale -> BigDecimal.valueOf(unscaled, scale)));
    }

    @Property(tries = 500)
    void theResultIsWithinHalfAMinorUnitOfTheExactProductAndAValidAmount(
            @ForAll("currencies") Currency from, @ForAll("currencies") Currency to, @ForAll("rates") BigDecimal rate,
            @ForAll @LongRange(min = 1, max = 999_999_999_999L) long minor) {
        Amount amount = new Amount(minor, from);
        Optional<String> exchanged = ExchangeRateInquiryHandler.exchange(amount, rate, to);

        BigDecimal exact = BigDecimal.valueOf(minor, from.exponent()).multiply(rate);
        if (exchanged.isEmpty()) {
            assertThat(exact.setScale(to.exponent(), java.math.RoundingMode.HALF_EVEN).toPlainString().length())
                    .isGreaterThan(ExchangeRateInquiryHandler.WIRE_AMOUNT_MAX_CHARS);
            return;
        }
        String wire = exchanged.get();
        assertThat(wire.length()).isLessThanOrEqualTo(ExchangeRateInquiryHandler.WIRE_AMOUNT_MAX_CHARS);
        AmountParse parsed = Amount.parseAllowZero(wire, to);
        assertThat(parsed).isInstanceOf(AmountParse.Ok.class);
        BigDecimal result = new BigDecimal(wire);
        BigDecimal halfUnit = BigDecimal.valueOf(5, to.exponent() + 1);
        assertThat(result.subtract(exact).abs()).isLessThanOrEqualTo(halfUnit);
    }
}
