package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.Requests.trx;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.testing.FixedExchangeRates;
import org.openscis.router.testing.RouterFixture;

class ExchangeRateInquiryHandlerTest {

    private final RouterFixture f = new RouterFixture();
    private final FixedExchangeRates rates = new FixedExchangeRates()
            .rate("344", "156", "0.9")
            .rate("156", "392", "20.5")
            .rate("156", "048", "0.052345")
            .rate("840", "156", "7.1234567")
            .rate("156", "840", "0")
            .rate("156", "978", "0.5");
    private final ExchangeRateInquiryHandler handler = new ExchangeRateInquiryHandler(rates);

    private Outcome inquire(String from, String amount, String to) {
        return run(handler, f.request(MessageType.EXCHANGE_RATE_INQUIRY,
                trx("origCurrency", from, "origAmt", amount, "exchangeCurrency", to)));
    }

    @Test
    void convertsAtTheConfiguredRateAndEchoesTheRequest() {
        Outcome outcome = inquire("344", "100", "156");
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        TrxInfo t = outcome.trxInfo();
        assertThat(t.names()).containsExactly("origCurrency", "origAmt", "exchangeCurrency", "exchangeAmt");
        assertThat(t.string("origCurrency")).isEqualTo("344");
        assertThat(t.string("origAmt")).isEqualTo("100");
        assertThat(t.string("exchangeCurrency")).isEqualTo("156");
        assertThat(t.string("exchangeAmt")).isEqualTo("90.00");
    }

    @ParameterizedTest
    @CsvSource({
        // half-even to the target's two decimals
        "156, 0.05, 978, 0.02", "156, 0.15, 978, 0.08", "156, 0.25, 978, 0.12", "156, 0.01, 978, 0.00",
        // to a currency without decimals and one with three
        "156, 1, 392, 20", "156, 3, 392, 62", "156, 1, 048, 0.052", "156, 100.99, 048, 5.286",
        // long rates, exact arithmetic
        "840, 9.99, 156, 71.16", "840, 0.01, 156, 0.07",
        // a currency to itself needs no configured rate
        "702, 12.3, 702, 12.30"})
    void roundsHalfEvenToTheTargetCurrencysDecimals(String from, String amount, String to, String expected) {
        Outcome outcome = inquire(from, amount, to);
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().string("exchangeAmt")).isEqualTo(expected);
    }

    @Test
    void aPairWithoutARateIs40() {
        Outcome outcome = inquire("156", "1", "344");
        assertThat(outcome.code()).isEqualTo(ResponseCode.NOT_SUPPORTED);
        assertThat(outcome.responseMsg()).isEqualTo("no exchange rate between these currencies");
        assertThat(outcome.trxInfo()).isNull();
    }

    @Test
    void aNonPositiveRateCountsAsNotConfigured() {
        assertThat(inquire("156", "1", "840").code()).isEqualTo(ResponseCode.NOT_SUPPORTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "1.001", "abc", "", "1.", ".5", "1e3", "12345678901234"})
    void anInvalidAmountIs13(String amount) {
        Outcome outcome = inquire("344", amount, "156");
        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(outcome.responseMsg()).startsWith("origAmt: ");
    }

    @Test
    void aResultTooLongForAnAmountIs13() {
        Outcome outcome = inquire("840", "9999999999.99", "156");
        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(outcome.responseMsg()).isEqualTo("exchangeAmt would be longer than 13 characters");
    }

    @Test
    void unknownOrMalformedCurrenciesAndMissingFieldsAre30() {
        List<TrxInfo> bad = List.of(
                trx("origCurrency", "999", "origAmt", "1", "exchangeCurrency", "156"),
                trx("origCurrency", "344", "origAmt", "1", "exchangeCurrency", "000"),
                trx("origCurrency", "HKD", "origAmt", "1", "exchangeCurrency", "156"),
                trx("origCurrency", "34", "origAmt", "1", "exchangeCurrency", "156"),
                trx("origAmt", "1", "exchangeCurrency", "156"),
                trx("origCurrency", "344", "exchangeCurrency", "156"),
                trx("origCurrency", "344", "origAmt", "1"),
                trx("origCurrency", "344", "origAmt", 100, "exchangeCurrency", "156"));
        for (TrxInfo trx : bad) {
            Outcome outcome = run(handler, f.request(MessageType.EXCHANGE_RATE_INQUIRY, trx));
            assertThat(outcome.code()).as(trx.toString()).isEqualTo(ResponseCode.FORMAT_ERROR);
        }
        assertThat(run(handler, f.request(MessageType.EXCHANGE_RATE_INQUIRY, bad.get(0))).responseMsg())
                .isEqualTo("origCurrency: is not an ISO 4217 currency");
    }
}
