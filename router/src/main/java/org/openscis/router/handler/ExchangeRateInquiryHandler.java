package org.openscis.router.handler;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.CharClass;
import org.openscis.codec.envelope.FieldError;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.envelope.TrxReader;
import org.openscis.codec.money.Amount;
import org.openscis.codec.money.AmountParse;
import org.openscis.codec.money.Currency;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.ExchangeRates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EXCHANGE_RATE_INQUIRY (protocol.md §3.11, §7.12): what {@code origAmt} in {@code origCurrency} is worth in
 * {@code exchangeCurrency} at the configured rate ({@link ExchangeRates}).
 *
 * <p>Checks: {@code origCurrency} and {@code exchangeCurrency} present and 3 digits (30) and ISO 4217 currencies with a
 * minor unit (30); {@code origAmt} present (30) and a valid amount in {@code origCurrency} (13: zero, negative,
 * malformed, too many decimals, more than 13 characters); a configured, positive rate for the pair (40: the switch
 * does not support converting between those currencies, the nearest meaning the code list has; a currency to itself
 * is always rate 1).
 *
 * <p>{@code exchangeAmt} = {@code origAmt} × rate in exact decimal arithmetic, rounded half-even to the decimals of
 * {@code exchangeCurrency} (a result below half its minor unit is zero, e.g. {@code "0.00"}); a result longer than the 13
 * characters an amount may have is 13. The answer echoes {@code origCurrency}, {@code origAmt} (as sent) and
 * {@code exchangeCurrency} and adds {@code exchangeAmt}. It does not carry the rate: no source shows a rate field, and
 * {@code exchangeAmt} is what clients read (protocol.md §8 item 10). Synchronous: the rates are local configuration.
 */
public final class ExchangeRateInquiryHandler extends SynchronousHandler {

    public static final int CURRENCY_DIGITS = 3;
    /** Read loosely so that a malformed amount is 13 (invalid amount), not 30; {@link Amount#parse} judges it. */
    static final int AMOUNT_READ_MAX_CHARS = 64;
    public static final int WIRE_AMOUNT_MAX_CHARS = 13;

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeRateInquiryHandler.class);

    private final ExchangeRates rates;

    public ExchangeRateInquiryHandler(ExchangeRates rates) {
        super(MessageType.EXCHANGE_RATE_INQUIRY);
        this.rates = rates;
    }

    @Override
    Outcome decide(Request request) {
        TrxReader reader = new TrxReader(request.trxInfo());
        String origCurrency = reader.required("origCurrency", CURRENCY_DIGITS, CURRENCY_DIGITS, CharClass.N);
        String origAmt = reader.required("origAmt", 0, AMOUNT_READ_MAX_CHARS, CharClass.ANS);
        String exchangeCurrency = reader.required("exchangeCurrency", CURRENCY_DIGITS, CURRENCY_DIGITS, CharClass.N);
        if (reader.failed()) {
            return RequestFields.formatError(reader);
        }
        Optional<Currency> from = Currency.byNumeric(origCurrency);
        if (from.isEmpty()) {
            return RequestFields.formatError(new FieldError("origCurrency", "is not an ISO 4217 currency"));
        }
        Optional<Currency> to = Currency.byNumeric(exchangeCurrency);
        if (to.isEmpty()) {
            return RequestFields.formatError(new FieldError("exchangeCurrency", "is not an ISO 4217 currency"));
        }
        AmountParse parsed = Amount.parse(origAmt, from.get());
        if (parsed instanceof AmountParse.Invalid invalid) {
            return Outcome.fail(ResponseCode.INVALID_AMOUNT, "origAmt: " + invalid.reason());
        }
        Amount amount = ((AmountParse.Ok) parsed).amount();

        Optional<BigDecimal> rate = origCurrency.equals(exchangeCurrency)
                ? Optional.of(BigDecimal.ONE)
                : rates.rate(origCurrency, exchangeCurrency);
        if (rate.isEmpty() || rate.get().signum() <= 0) {
            if (rate.isPresent()) {
                LOG.warn("the configured rate {} -> {} is not positive; treated as not configured", origCurrency,
                        exchangeCurrency);
            }
            return Outcome.fail(ResponseCode.NOT_SUPPORTED, "no exchange rate between these currencies");
        }
        Optional<String> exchanged = exchange(amount, rate.get(), to.get());
        if (exchanged.isEmpty()) {
            return Outcome.fail(ResponseCode.INVALID_AMOUNT, "exchangeAmt would be longer than "
                    + WIRE_AMOUNT_MAX_CHARS + " characters");
        }
        return Outcome.ok(TrxInfo.builder()
                .put("origCurrency", origCurrency)
                .put("origAmt", origAmt)
                .put("exchangeCurrency", exchangeCurrency)
                .put("exchangeAmt", exchanged.get())
                .build());
    }

    /** {@code amount} × {@code rate} in wire form in {@code target}, or empty if it does not fit an amount field. */
    static Optional<String> exchange(Amount amount, BigDecimal rate, Currency target) {
        BigDecimal major = BigDecimal.valueOf(amount.minor(), amount.currency().exponent());
        BigDecimal converted = major.multiply(rate).setScale(target.exponent(), RoundingMode.HALF_EVEN);
        BigDecimal minor = converted.movePointRight(target.exponent());
        if (minor.precision() > WIRE_AMOUNT_MAX_CHARS) {
            return Optional.empty();
        }
        String wire = new Amount(minor.longValueExact(), target).toWire();
        return wire.length() > WIRE_AMOUNT_MAX_CHARS ? Optional.empty() : Optional.of(wire);
    }
}
