package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.testing.MoneyFixture.WALLET;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openscis.codec.ResponseCode;
import org.openscis.router.MessageType;
import org.openscis.router.Request;
import org.openscis.router.money.DailyLimit;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.Merchant;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.port.TrxState;
import org.openscis.router.testing.MoneyFixture;
import org.openscis.router.testing.RouterFixture;

class MovementChecksTest {

    private final MoneyFixture m = new MoneyFixture();
    private final MovementChecks checks = new MovementChecks(m.catalog, m.f.cards, m.tiers, m.transactions,
            m.merchants, m.f.clock);
    private final CardRecord card = m.card("C1", "11", "100000000001");
    private final TokenRecord token = m.token("11", card);

    private Request request() {
        return m.request(MessageType.BILL_PAYMENT, null);
    }

    private MovementCheck debit(String amount) {
        return MovementCheck.debit(request(), token.token(), DEVICE, amount, "156");
    }

    private ResponseCode code(MovementCheck check) {
        CheckResult result = checks.check(check);
        return result instanceof CheckResult.Refused r ? r.code() : ResponseCode.APPROVED;
    }

    private String detail(MovementCheck check) {
        return ((CheckResult.Refused) checks.check(check)).detail();
    }

    @Test
    void aGoodDebitPassesWithEverythingTheMovementNeeds() {
        CheckResult.Passed p = (CheckResult.Passed) checks.check(debit("12.5").withFee("0.50")
                .withMerchant(MoneyFixture.BILLER.mid(), Merchant.Role.BILLER));
        assertThat(p.token()).isEqualTo(token);
        assertThat(p.card()).isEqualTo(card);
        assertThat(p.product()).isEqualTo(WALLET);
        assertThat(p.amount().minor()).isEqualTo(1250);
        assertThat(p.fee().minor()).isEqualTo(50);
        assertThat(p.totalMinor()).isEqualTo(1300);
        assertThat(p.merchant()).isEqualTo(MoneyFixture.BILLER);
        assertThat(p.dailyLimit()).isNull();
        assertThat(((CheckResult.Passed) checks.check(debit("1"))).fee().minor()).isZero();
    }

    @Test
    void tokenChecks() {
        assertThat(code(MovementCheck.debit(request(), RouterFixture.withWrongCheckDigit(token.token()), DEVICE,
                "1", "156"))).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(code(MovementCheck.debit(request(), MoneyFixture.tokenNumber(WALLET, "99"), DEVICE, "1", "156")))
                .isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        assertThat(code(MovementCheck.debit(m.f.request(MessageType.BILL_PAYMENT, m.f.otherWallet, null),
                token.token(), DEVICE, "1", "156"))).isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        assertThat(code(MovementCheck.debit(request(), token.token(), OTHER_DEVICE, "1", "156")))
                .isEqualTo(ResponseCode.INVALID_DEVICE);
    }

    @Test
    void withoutADeviceTheDeviceIsNotChecked() {
        Request credit = m.request(MessageType.CREDIT_TRANSACTION, null);
        assertThat(code(MovementCheck.credit(credit, token.token(), null, "1", "156")))
                .isEqualTo(ResponseCode.APPROVED);
        assertThat(code(MovementCheck.credit(credit, token.token(), OTHER_DEVICE, "1", "156")))
                .isEqualTo(ResponseCode.INVALID_DEVICE);
        assertThat(code(MovementCheck.credit(credit, MoneyFixture.tokenNumber(WALLET, "99"), null, "1", "156")))
                .isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
    }

    @ParameterizedTest
    @CsvSource({"SUSPENDED, NONE, 21", "SUSPENDED, LOST, 41", "SUSPENDED, STOLEN, 43", "SUSPENDED, FRAUD, 34",
        "SUSPENDED, EXPIRED, 54", "DELETED, NONE, 21", "ACTIVE, LOST, 41"})
    void theCardsStateDecides(CardState state, StateReason reason, String expected) {
        CardRecord other = m.card("C2", "22", "100000000002", state, reason, WALLET);
        TokenRecord t = m.token("22", other);
        assertThat(code(MovementCheck.debit(request(), t.token(), DEVICE, "1", "156")).code()).isEqualTo(expected);
    }

    @Test
    void anExpiredCardIs54() {
        CardRecord old = m.f.card("C2", RouterFixture.pan(WALLET, "22"), "2505", CardState.ACTIVE, StateReason.NONE,
                WALLET, "100000000002");
        TokenRecord t = m.token("22", old);
        assertThat(code(MovementCheck.debit(request(), t.token(), DEVICE, "1", "156")))
                .isEqualTo(ResponseCode.EXPIRED_CARD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "DELETED"})
    void aTokenThatIsNotActiveIs21(CardState state) {
        TokenRecord t = m.token("33", card, WALLET_ID, RouterFixture.OTHER_DEVICE, state);
        MovementCheck check = MovementCheck.debit(request(), t.token(), RouterFixture.OTHER_DEVICE, "1", "156");
        assertThat(code(check)).isEqualTo(ResponseCode.CARD_STATUS_ERROR);
        assertThat(detail(check)).isEqualTo("the token is " + state.name().toLowerCase());
    }

    @Test
    void theProductMustBeConfiguredAndAllowTheType() {
        CardRecord closed = m.card("C2", "22", "100000000002", CardState.ACTIVE, StateReason.NONE,
                RouterFixture.CLOSED);
        TokenRecord t = m.token("22", closed);
        MovementCheck check = MovementCheck.debit(request(), t.token(), DEVICE, "1", "156");
        assertThat(code(check)).isEqualTo(ResponseCode.NOT_SUPPORTED);
        assertThat(detail(check)).isEqualTo("the card's product does not allow BILL_PAYMENT");

        CardRecord orphan = m.f.cards.putCard(new CardRecord("C3", RouterFixture.pan(WALLET, "33"), "2809",
                MoneyFixture.ISSUER, "9999", "100000000003", "x", RouterFixture.FACE_ID, CardState.ACTIVE,
                StateReason.NONE, Instant.parse("2024-01-01T00:00:00Z")));
        TokenRecord o = m.f.token(MoneyFixture.tokenNumber(WALLET, "33"), orphan, WALLET_ID, DEVICE,
                CardState.ACTIVE);
        assertThat(code(MovementCheck.debit(request(), o.token(), DEVICE, "1", "156")))
                .isEqualTo(ResponseCode.CARD_PROFILE_NOT_FOUND);
    }

    @Test
    void theAccountTierMustReachTheProductsMinimumForTheType() {
        m.limits(MoneyFixture.tiers("1", Map.of(MessageType.BILL_PAYMENT, 2)));
        assertThat(code(debit("1"))).isEqualTo(ResponseCode.NOT_PERMITTED);
        m.tiers.setTier(card.cardId(), "2", m.f.clock.instant());
        assertThat(code(debit("1"))).isEqualTo(ResponseCode.APPROVED);
        m.tiers.setTier(card.cardId(), "10", m.f.clock.instant());
        assertThat(code(debit("1"))).as("compared as numbers").isEqualTo(ResponseCode.APPROVED);
        m.tiers.setTier(card.cardId(), "gold", m.f.clock.instant());
        assertThat(code(debit("1"))).isEqualTo(ResponseCode.NOT_PERMITTED);
        assertThat(code(MovementCheck.credit(m.request(MessageType.CREDIT_TRANSACTION, null), token.token(), DEVICE,
                "1", "156"))).as("no minimum for credits").isEqualTo(ResponseCode.APPROVED);

        m.limits(MoneyFixture.tiers("3", Map.of(MessageType.BILL_PAYMENT, 2)));
        m.tiers.setTier(card.cardId(), "1", m.f.clock.instant());
        assertThat(code(debit("1"))).as("the reported tier wins over the default").isEqualTo(ResponseCode.NOT_PERMITTED);
    }

    @Test
    void currency() {
        assertThat(code(MovementCheck.debit(request(), token.token(), DEVICE, "1", "999")))
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        MovementCheck usd = MovementCheck.debit(request(), token.token(), DEVICE, "1", "840");
        assertThat(code(usd)).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(detail(usd)).isEqualTo("trxCurrency: is not the card's currency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "1.234", "abc", "1.", ".5", "12345678901234", "1e3", " 1"})
    void badAmountsAre13(String amount) {
        MovementCheck check = debit(amount);
        assertThat(code(check)).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(detail(check)).startsWith("trxAmt: ");
    }

    @ParameterizedTest
    @CsvSource({"0, 00", "0.00, 00", "1.5, 00", "-1, 13", "1.234, 13", "x, 13"})
    void feesMayBeZeroButNotNegative(String fee, String expected) {
        assertThat(code(debit("1").withFee(fee)).code()).isEqualTo(expected);
    }

    @Test
    void thePerTransactionLimitAppliesToAmountPlusFee() {
        m.limits(MoneyFixture.amountLimits(1000, 0));
        assertThat(code(debit("10.00"))).isEqualTo(ResponseCode.APPROVED);
        assertThat(code(debit("10.01"))).isEqualTo(ResponseCode.EXCEEDS_LIMIT);
        assertThat(code(debit("9.00").withFee("1.00"))).isEqualTo(ResponseCode.APPROVED);
        assertThat(code(debit("9.00").withFee("1.01"))).isEqualTo(ResponseCode.EXCEEDS_LIMIT);
        assertThat(code(MovementCheck.credit(m.request(MessageType.CREDIT_TRANSACTION, null), token.token(), DEVICE,
                "10.01", "156"))).as("credits too").isEqualTo(ResponseCode.EXCEEDS_LIMIT);
    }

    @Test
    void theDailyLimitCountsTheCardsOutgoingMovementsOfTheUtcDayThatStillCount() {
        m.limits(MoneyFixture.amountLimits(0, 10_000));
        Instant today = Instant.parse("2025-06-15T00:00:00Z");
        CardRecord other = m.card("C2", "22", "100000000002");
        m.stored("T1", "M1", MessageType.BILL_PAYMENT, CbsOperation.DEBIT_TRANSACTION, card, token, 2000,
                TrxState.APPROVED, "00", today);
        m.stored("T2", "M2", MessageType.P2P_TRANSFER, CbsOperation.P2P_TRANSFER, card, token, 500,
                TrxState.UNKNOWN, "04", today.plusSeconds(3600));
        m.stored("T3", "M3", MessageType.GET_CASH_OUT_TOKEN, CbsOperation.GET_CASH_OUT_TOKEN, card, token, 500,
                TrxState.SENT, null, today.plusSeconds(7200));
        // not counted: declined, yesterday, incoming, another card
        m.stored("T4", "M4", MessageType.BILL_PAYMENT, CbsOperation.DEBIT_TRANSACTION, card, token, 5000,
                TrxState.DECLINED, "51", today.plusSeconds(60));
        m.stored("T5", "M5", MessageType.BILL_PAYMENT, CbsOperation.DEBIT_TRANSACTION, card, token, 5000,
                TrxState.APPROVED, "00", today.minusSeconds(1));
        m.stored("T6", "M6", MessageType.CREDIT_TRANSACTION, CbsOperation.CREDIT_TRANSACTION, card, token, 5000,
                TrxState.APPROVED, "00", today.plusSeconds(60));
        m.stored("T7", "M7", MessageType.BILL_PAYMENT, CbsOperation.DEBIT_TRANSACTION, other, null, 5000,
                TrxState.APPROVED, "00", today.plusSeconds(60));

        CheckResult.Passed p = (CheckResult.Passed) checks.check(debit("70.00"));
        assertThat(p.dailyLimit()).isEqualTo(new DailyLimit("C1", "156", today, 10_000));
        assertThat(code(debit("70.01"))).isEqualTo(ResponseCode.EXCEEDS_LIMIT);
        assertThat(code(debit("69.01").withFee("1.00"))).isEqualTo(ResponseCode.EXCEEDS_LIMIT);
        assertThat(code(MovementCheck.credit(m.request(MessageType.CREDIT_TRANSACTION, null), token.token(), DEVICE,
                "500", "156"))).as("incoming money has no daily limit").isEqualTo(ResponseCode.APPROVED);

        m.f.clock.set(Instant.parse("2025-06-16T00:00:00Z"));
        assertThat(code(debit("100.00"))).as("a new UTC day").isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void theMerchantMustBeConfiguredForTheCardsIssuerWithTheRole() {
        assertThat(code(debit("1").withMerchant("000000000000000", Merchant.Role.BILLER)))
                .isEqualTo(ResponseCode.INVALID_MERCHANT);
        MovementCheck agentAsBiller = debit("1").withMerchant(MoneyFixture.AGENT.mid(), Merchant.Role.BILLER);
        assertThat(code(agentAsBiller)).isEqualTo(ResponseCode.INVALID_MERCHANT);
        assertThat(detail(agentAsBiller)).isEqualTo("merchantInfo.mid: not a configured biller of the card's issuer");
        m.merchants.add(MoneyFixture.FOREIGN_ISSUER, new Merchant("777777777777777", "Elsewhere",
                Merchant.Role.BILLER, "4900", "156"));
        assertThat(code(debit("1").withMerchant("777777777777777", Merchant.Role.BILLER)))
                .isEqualTo(ResponseCode.INVALID_MERCHANT);
    }

    @Test
    void blockedMerchantCategoriesAndCountriesAre62() {
        MovementCheck bill = debit("1").withMerchant(MoneyFixture.BILLER.mid(), Merchant.Role.BILLER);
        m.limits(MoneyFixture.blocking(Set.of("4900"), Set.of()));
        assertThat(code(bill)).isEqualTo(ResponseCode.RESTRICTED);
        m.limits(MoneyFixture.blocking(Set.of(), Set.of("156")));
        assertThat(code(bill)).isEqualTo(ResponseCode.RESTRICTED);
        m.limits(MoneyFixture.blocking(Set.of("5999"), Set.of("840")));
        assertThat(code(bill)).isEqualTo(ResponseCode.APPROVED);
    }

    @ParameterizedTest
    @CsvSource({"2025-06-15T23:29:59Z, 00", "2025-06-15T23:30:00Z, 90", "2025-06-16T00:15:00Z, 90",
        "2025-06-16T00:30:00Z, 00"})
    void theCutOffWindowMayCrossMidnight(Instant at, String expected) {
        m.f.clock.set(at);
        m.limits(MoneyFixture.cutOff(LocalTime.of(23, 30), LocalTime.of(0, 30), ZoneId.of("UTC")));
        assertThat(code(debit("1")).code()).isEqualTo(expected);
    }

    @Test
    void theFirstFailingCheckDecides() {
        m.limits(MoneyFixture.cutOff(LocalTime.of(9, 0), LocalTime.of(11, 0), ZoneId.of("UTC")));
        TokenRecord suspended = m.token("44", card, WALLET_ID, OTHER_DEVICE, CardState.SUSPENDED);
        assertThat(code(MovementCheck.debit(request(), suspended.token(), OTHER_DEVICE, "-1", "999")))
                .isEqualTo(ResponseCode.CARD_STATUS_ERROR);
        assertThat(code(MovementCheck.debit(request(), token.token(), DEVICE, "-1", "999")))
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(code(debit("-1").withMerchant("000000000000000", Merchant.Role.BILLER)))
                .isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(code(debit("1").withMerchant("000000000000000", Merchant.Role.BILLER)))
                .isEqualTo(ResponseCode.INVALID_MERCHANT);
        assertThat(code(debit("1"))).isEqualTo(ResponseCode.CUT_OFF);
    }
}
