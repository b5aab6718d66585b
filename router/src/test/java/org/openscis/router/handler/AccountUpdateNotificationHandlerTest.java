package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEBIT;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.testing.InMemoryAccountTiers;
import org.openscis.router.testing.RouterFixture;

class AccountUpdateNotificationHandlerTest {

    private final RouterFixture f = new RouterFixture();
    private final InMemoryAccountTiers tiers = new InMemoryAccountTiers();
    private final AccountUpdateNotificationHandler handler = new AccountUpdateNotificationHandler(f.cards, tiers,
            f.clock);
    private final String token = RouterFixture.tokenNumber("77");
    private CardRecord card;

    @BeforeEach
    void tokenOnCard() {
        card = f.card("C-TIER", RouterFixture.pan(DEBIT, "77"), "2809");
        f.token(token, card, WALLET_ID, DEVICE, CardState.ACTIVE);
    }

    private Outcome notify(TrxInfo trxInfo) {
        return run(handler, f.request(MessageType.ACCOUNT_UPDATE_NOTIFICATION, trxInfo));
    }

    @Test
    void storesTheTierOfTheTokensCardAndAnswersWithoutTrxInfo() {
        f.clock.advance(Duration.ofMinutes(5));
        Outcome outcome = notify(trx("token", token, "accountTier", "2", "referNo", "119771"));
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo()).isNull();
        assertThat(tiers.tier(card.cardId())).contains("2");
        assertThat(tiers.setAt(card.cardId())).contains(f.clock.instant());
    }

    @ParameterizedTest
    @CsvSource({"01, 1", "00, 0", "10, 10", "9, 9"})
    void theTierIsStoredWithoutLeadingZeros(String sent, String stored) {
        assertThat(notify(trx("token", token, "accountTier", sent)).code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(tiers.tier(card.cardId())).contains(stored);
    }

    @Test
    void theLastReportWins() {
        notify(trx("token", token, "accountTier", "1"));
        notify(trx("token", token, "accountTier", "3"));
        assertThat(tiers.tier(card.cardId())).contains("3");
    }

    @Test
    void theDeviceIsCheckedOnlyWhenGiven() {
        assertThat(notify(trx("token", token, "accountTier", "2", "deviceID", DEVICE)).code())
                .isEqualTo(ResponseCode.APPROVED);
        Outcome otherDevice = notify(trx("token", token, "accountTier", "3", "deviceID", OTHER_DEVICE));
        assertThat(otherDevice.code()).isEqualTo(ResponseCode.INVALID_DEVICE);
        assertThat(tiers.tier(card.cardId())).contains("2");
    }

    @Test
    void tokenChecks() {
        assertThat(notify(trx("token", RouterFixture.withWrongCheckDigit(token), "accountTier", "2")).code())
                .isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(notify(trx("token", "12345", "accountTier", "2")).code())
                .isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(notify(trx("token", RouterFixture.tokenNumber("78"), "accountTier", "2")).code())
                .isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        assertThat(run(handler, f.request(MessageType.ACCOUNT_UPDATE_NOTIFICATION, f.otherWallet,
                trx("token", token, "accountTier", "2"))).code()).isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        assertThat(tiers.tier(card.cardId())).isEmpty();
    }

    @Test
    void aDeletedTokenIs21ButASuspendedOneMayReport() {
        f.cards.forceToken(f.cards.findToken(token).orElseThrow().withState(CardState.SUSPENDED, f.clock.instant()));
        assertThat(notify(trx("token", token, "accountTier", "2")).code()).isEqualTo(ResponseCode.APPROVED);

        f.cards.forceToken(f.cards.findToken(token).orElseThrow().withState(CardState.DELETED, f.clock.instant()));
        Outcome outcome = notify(trx("token", token, "accountTier", "3"));
        assertThat(outcome.code()).isEqualTo(ResponseCode.CARD_STATUS_ERROR);
        assertThat(tiers.tier(card.cardId())).contains("2");
    }

    @Test
    void missingOrMalformedFieldsAre30() {
        List<TrxInfo> bad = List.of(
                trx("accountTier", "2"),
                trx("token", token),
                trx("token", token, "accountTier", ""),
                trx("token", token, "accountTier", "123"),
                trx("token", token, "accountTier", "A"),
                trx("token", token, "accountTier", 2),
                trx("token", token, "accountTier", "2", "referNo", "r".repeat(51)),
                trx("token", token, "accountTier", "2", "deviceID", "d".repeat(65)));
        for (TrxInfo trx : bad) {
            Outcome outcome = notify(trx);
            assertThat(outcome.code()).as(trx.toString()).isEqualTo(ResponseCode.FORMAT_ERROR);
        }
        assertThat(tiers.tier(card.cardId())).isEmpty();
    }
}
