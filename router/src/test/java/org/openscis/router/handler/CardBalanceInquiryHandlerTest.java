package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.handler.OnboardingFixture.ONBOARD;
import static org.openscis.router.testing.CardDataLeaks.assertNoCardData;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEBIT;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.port.CardProduct;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.CbsReply;
import org.openscis.router.port.ProductLimits;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.testing.RouterFixture;

class CardBalanceInquiryHandlerTest {

    private static final String ACCOUNT = "100000000042";
    private static final String TOKEN = tokenNumber("42");

    private final OnboardingFixture o = new OnboardingFixture();
    private final CardBalanceInquiryHandler handler = new CardBalanceInquiryHandler(o.catalog, o.f.cards, o.tiers,
            o.ids, o.cbs, o.f.clock);
    private final String pan = RouterFixture.pan(ONBOARD, "42");
    private CardRecord card;

    private static String tokenNumber(String middle) {
        String payload = ONBOARD.tokenBin() + middle;
        return org.openscis.codec.card.Luhn.withCheckDigit(payload + "0".repeat(18 - payload.length()));
    }

    @BeforeEach
    void cardWithToken() {
        card = o.f.card("C-BAL", pan, "2806", CardState.ACTIVE, StateReason.NONE, ONBOARD, ACCOUNT);
        o.f.token(TOKEN, card, WALLET_ID, DEVICE, CardState.ACTIVE);
    }

    private static CbsReply balances(Object availableAmount, String currency) {
        TrxInfo.Builder available = TrxInfo.builder().put("balType", "AVAILABLE").put("balAmt", availableAmount)
                .put("balCurrency", currency);
        return OnboardingFixture.approved(trx("balList", List.of(
                trx("balType", "LEDGER", "balAmt", "99.00", "balCurrency", "156"), available.build())));
    }

    private Outcome inquire() {
        return inquire(TOKEN, DEVICE);
    }

    private Outcome inquire(String token, String device) {
        return run(handler, o.f.request(MessageType.CARD_BALANCE_INQUIRY,
                trx("deviceID", device, "userID", USER, "token", token)));
    }

    @Test
    void answersTheAvailableBalanceFromTheCbs() {
        o.cbsAnswers(balances("73.5", "156"));
        Outcome outcome = inquire();

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        TrxInfo t = outcome.trxInfo();
        assertThat(t.names()).containsExactly("deviceID", "accountTier", "balAmt", "balCurrency", "referNo");
        assertThat(t.string("deviceID")).isEqualTo(DEVICE);
        assertThat(t.string("accountTier")).isEqualTo("1");
        assertThat(t.string("balAmt")).isEqualTo("73.50");
        assertThat(t.string("balCurrency")).isEqualTo("156");
        assertNoCardData(outcome, pan, ACCOUNT);

        OnboardingFixture.Sent sent = o.onlyCall();
        assertThat(sent.issuerIin()).isEqualTo(ONBOARD.issuerIin());
        assertThat(sent.call().operation()).isEqualTo(CbsOperation.ACCOUNT_BALANCE_INQUIRY);
        assertThat(sent.deadline()).isEqualTo(o.f.clock.instant().plus(OnboardingFixture.CBS_TIMEOUT));
        assertThat(sent.call().trxInfo().names()).containsExactly("accountInfo", "referNo");
        assertThat(sent.call().trxInfo().object("accountInfo"))
                .isEqualTo(trx("token", TOKEN, "pan", pan, "accountNo", ACCOUNT));
        assertThat(sent.call().trxInfo().string("referNo")).isEqualTo(t.string("referNo")).isNotEmpty();
    }

    @Test
    void aCardWithoutAccountIsAskedForByPanAndToken() {
        String physicalPan = RouterFixture.pan(ONBOARD, "43");
        String token = tokenNumber("43");
        o.f.token(token, o.f.card("C-PHYS", physicalPan, "2806", CardState.ACTIVE, StateReason.NONE, ONBOARD, null),
                WALLET_ID, DEVICE, CardState.ACTIVE);
        o.cbsAnswers(balances("1", "156"));
        assertThat(inquire(token, DEVICE).code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(o.onlyCall().call().trxInfo().object("accountInfo"))
                .isEqualTo(trx("token", token, "pan", physicalPan));
    }

    @Test
    void theReportedTierWinsOverTheCbsTierWhichWinsOverTheProductDefault() {
        o.catalog.limits(ONBOARD.prdNo(), new ProductLimits(0, 0, Set.of(), Set.of(), null, null, ZoneId.of("UTC"),
                0, "3", Map.of(), 30));
        o.cbsAnswers(balances("1.00", "156"));
        assertThat(inquire().trxInfo().string("accountTier")).isEqualTo("3");

        o.cbsAnswers(OnboardingFixture.approved(((CbsReply.Answered) balances("1.00", "156")).trxInfo().toBuilder()
                .put("accountTier", "2").build()));
        assertThat(inquire().trxInfo().string("accountTier")).isEqualTo("2");

        o.tiers.setTier(card.cardId(), "5", o.f.clock.instant());
        assertThat(inquire().trxInfo().string("accountTier")).isEqualTo("5");
    }

    @Test
    void anUnreadableCbsTierIsIgnored() {
        o.cbsAnswers(OnboardingFixture.approved(((CbsReply.Answered) balances("1.00", "156")).trxInfo().toBuilder()
                .put("accountTier", "gold").build()));
        assertThat(inquire().trxInfo().string("accountTier")).isEqualTo("1");
    }

    @ParameterizedTest
    @CsvSource({"0, 156, 0.00, 156", "73, 156, 73.00, 156", "-5.5, 156, -5.50, 156", "-0, 156, 0.00, 156",
        "12.345, 048, 12.345, 048", "1500, 392, 1500, 392"})
    void theAmountIsRewrittenWithTheCurrencysDecimals(String amount, String currency, String wire, String answered) {
        o.cbsAnswers(balances(amount, currency));
        Outcome outcome = inquire();
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().string("balAmt")).isEqualTo(wire);
        assertThat(outcome.trxInfo().string("balCurrency")).isEqualTo(answered);
    }

    @Test
    void aJsonNumberAmountAndAMissingCurrencyAreAccepted() {
        o.cbsAnswers(balances(new BigDecimal("20.1"), null));
        Outcome outcome = inquire();
        assertThat(outcome.trxInfo().string("balAmt")).isEqualTo("20.10");
        assertThat(outcome.trxInfo().string("balCurrency")).isEqualTo(ONBOARD.currency());
    }

    @Test
    void aCbsAnswerWithoutAReadableAvailableBalanceIs91() {
        List<CbsReply> unusable = List.of(
                OnboardingFixture.approved(TrxInfo.EMPTY),
                OnboardingFixture.approved(trx("balList", "73.00")),
                OnboardingFixture.approved(trx("balList", List.of(trx("balType", "LEDGER", "balAmt", "1.00")))),
                balances("1.001", "156"),
                balances("abc", "156"),
                balances("1.00", "999"),
                balances(null, "156"));
        for (CbsReply reply : unusable) {
            o.cbsAnswers(reply);
            Outcome outcome = inquire();
            assertThat(outcome.code()).as(reply.toString()).isEqualTo(ResponseCode.ISSUER_SYSTEM_ERROR);
            assertThat(outcome.responseMsg()).isEqualTo("the issuer's balance answer is unusable");
            assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"REFER_TO_ISSUER", "INVALID_CARD_NUMBER", "FORMAT_ERROR",
        "ISSUER_VALIDATION_ERROR", "ISSUER_DECLINED", "ISSUER_MAC_FAILED", "ISSUER_SYSTEM_ERROR"})
    void cbsRefusalsPassThrough(ResponseCode code) {
        o.cbsAnswers(OnboardingFixture.refused(code));
        Outcome outcome = inquire();
        assertThat(outcome.code()).isEqualTo(code);
        assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"NETWORK_ERROR", "ISSUER_SYSTEM_ERROR", "TIMEOUT"})
    void aCallNeverSentAnswersItsCode(ResponseCode code) {
        o.cbsAnswers(new CbsReply.NotSent(code, "no connection"));
        assertThat(inquire().code()).isEqualTo(code);
    }

    @Test
    void noAnswerIs91() {
        o.cbsAnswers(new CbsReply.NoAnswer("timeout after sending"));
        assertThat(inquire().code()).isEqualTo(ResponseCode.ISSUER_SYSTEM_ERROR);
    }

    @Test
    void tokenChecks() {
        assertThat(inquire(RouterFixture.withWrongCheckDigit(TOKEN), DEVICE).code())
                .isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(inquire(tokenNumber("44"), DEVICE).code()).isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        Outcome wrongDevice = inquire(TOKEN, OTHER_DEVICE);
        assertThat(wrongDevice.code()).isEqualTo(ResponseCode.INVALID_DEVICE);
        assertThat(wrongDevice.trxInfo().string("deviceID")).isEqualTo(OTHER_DEVICE);
        assertThat(run(handler, o.f.request(MessageType.CARD_BALANCE_INQUIRY, o.f.otherWallet,
                trx("deviceID", DEVICE, "userID", USER, "token", TOKEN))).code())
                .isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        assertThat(o.sent).isEmpty();
    }

    @Test
    void aTokenWhoseCardIsMissingIs08() {
        String token = tokenNumber("47");
        o.f.cards.putToken(new TokenRecord(token, "C-MISSING", WALLET_ID, DEVICE, USER, "280630235959",
                CardState.ACTIVE, o.f.clock.instant(), o.f.clock.instant()));
        assertThat(inquire(token, DEVICE).code()).isEqualTo(ResponseCode.TSP_ERROR);
        assertThat(o.sent).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "SUSPENDED, LOST, 41", "SUSPENDED, STOLEN, 43", "SUSPENDED, FRAUD, 34", "SUSPENDED, EXPIRED, 54",
        "SUSPENDED, NONE, 21", "DELETED, NONE, 21"})
    void anUnusableCardAnswersWithItsReason(CardState state, StateReason reason, String code) {
        o.f.cards.updateCardState(card.cardId(), state, reason);
        Outcome outcome = inquire();
        assertThat(outcome.code().code()).isEqualTo(code);
        assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        assertThat(o.sent).isEmpty();
    }

    @Test
    void aCardPastItsExpiryIs54() {
        o.f.clock.set(Instant.parse("2028-07-01T00:00:00Z"));
        assertThat(inquire().code()).isEqualTo(ResponseCode.EXPIRED_CARD);
        assertThat(o.sent).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = CardState.class, names = {"SUSPENDED", "DELETED"})
    void aTokenThatIsNotActiveIs21(CardState state) {
        o.f.cards.forceToken(o.f.cards.findToken(TOKEN).orElseThrow().withState(state, o.f.clock.instant()));
        Outcome outcome = inquire();
        assertThat(outcome.code()).isEqualTo(ResponseCode.CARD_STATUS_ERROR);
        assertThat(outcome.responseMsg()).isEqualTo("the token is " + state);
        assertThat(o.sent).isEmpty();
    }

    @Test
    void aCardWhoseProductIsGoneIs89() {
        CardProduct gone = new CardProduct("7777", ONBOARD.issuerIin(), "62900700", 16, "6292670", 36, "Virtual Card",
                List.of("100101"), Set.of(), List.of(), "156");
        String token = tokenNumber("45");
        o.f.token(token, o.f.card("C-GONE", RouterFixture.pan(gone, "45"), "2806", CardState.ACTIVE, StateReason.NONE,
                gone, ACCOUNT), WALLET_ID, DEVICE, CardState.ACTIVE);
        assertThat(inquire(token, DEVICE).code()).isEqualTo(ResponseCode.CARD_PROFILE_NOT_FOUND);
        assertThat(o.sent).isEmpty();
    }

    @Test
    void aProductWithoutBalanceInquiryIs40() {
        String token = RouterFixture.tokenNumber("46");
        o.f.token(token, o.f.card("C-DEBIT", RouterFixture.pan(DEBIT, "46"), "2806"), WALLET_ID, DEVICE,
                CardState.ACTIVE);
        assertThat(inquire(token, DEVICE).code()).isEqualTo(ResponseCode.NOT_SUPPORTED);
        assertThat(o.sent).isEmpty();
    }

    @Test
    void missingFieldsAre30() {
        for (TrxInfo trx : List.of(trx("deviceID", DEVICE, "userID", USER), trx("userID", USER, "token", TOKEN),
                trx("deviceID", DEVICE, "token", TOKEN))) {
            Outcome outcome = run(handler, o.f.request(MessageType.CARD_BALANCE_INQUIRY, trx));
            assertThat(outcome.code()).as(trx.toString()).isEqualTo(ResponseCode.FORMAT_ERROR);
        }
        assertThat(o.sent).isEmpty();
    }
}
