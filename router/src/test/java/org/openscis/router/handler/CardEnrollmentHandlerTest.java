package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.CardDataLeaks.assertNoCardData;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.CLOSED;
import static org.openscis.router.testing.RouterFixture.DEBIT;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.card.Luhn;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.mask.Masking;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardRepository;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.CbsReply;
import org.openscis.router.port.InsertResult;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.testing.DelegatingCardRepository;
import org.openscis.router.testing.FakeFieldCrypto;
import org.openscis.router.testing.LogCapture;
import org.openscis.testing.Race;
import org.openscis.router.testing.RouterFixture;

class CardEnrollmentHandlerTest {

    /** Threads enrolling at once in the race tests. */
    private static final int RACERS = 8;

    private final OnboardingFixture o = new OnboardingFixture();
    private final RouterFixture f = o.f;
    private final CardEnrollmentHandler handler = new CardEnrollmentHandler(f.catalog, f.cards, f.attempts, f.secrets,
            f.crypto, f.json, f.clock, o.cbs);

    private Outcome enroll(String cvmJson) {
        return enroll(cvmJson, DEBIT.prdNo(), DEVICE);
    }

    private Outcome enroll(String cvmJson, String prdNo, String device) {
        return enrollRaw(FakeFieldCrypto.sealForSwitch(cvmJson), prdNo, device);
    }

    private Outcome enrollRaw(String cvmInfo, String prdNo, String device) {
        return run(handler, f.request(MessageType.CARD_ENROLLMENT,
                trx("deviceID", device, "userID", USER, "prdNo", prdNo, "cvmInfo", cvmInfo)));
    }

    private static String json(String... namesAndValues) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            sb.append(i == 0 ? "" : ",").append('"').append(namesAndValues[i]).append("\":\"")
                    .append(namesAndValues[i + 1]).append('"');
        }
        return sb.append('}').toString();
    }

    /** An existing physical card of DEBIT, expiring September 2028. */
    @Nested
    class ExistingCard {

        private final String pan = RouterFixture.pan(DEBIT, "4411");
        private CardRecord card;
        private String cvn2;

        @BeforeEach
        void card() {
            card = f.card("C-PHYS-1", pan, "2809");
            cvn2 = f.secrets.cvn2(pan, "2809");
        }

        private Outcome enrollWith(String expiry, String cvn) {
            return enroll(json("pan", pan, "expiryDate", expiry, "cvn2", cvn));
        }

        @Test
        void issuesATokenBoundToTheDeviceAndReturnsTheEncryptedPan() {
            Outcome outcome;
            try (LogCapture log = new LogCapture()) {
                outcome = enrollWith("2809", cvn2);
                assertThat(log.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(pan));
            }
            assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
            TrxInfo t = outcome.trxInfo();
            assertThat(t.names()).containsExactly("deviceID", "token", "tokenExpiry", "pan", "panExpiry", "maskedPan",
                    "cardType", "cardFaceID");
            assertThat(t.string("deviceID")).isEqualTo(DEVICE);
            String token = t.string("token");
            assertThat(token).hasSize(19).startsWith(DEBIT.tokenBin());
            assertThat(Luhn.isValid(token)).isTrue();
            assertThat(t.string("tokenExpiry")).isEqualTo("280930235959");
            assertThat(FakeFieldCrypto.openFor(WALLET_ID, t.string("pan"))).isEqualTo(pan);
            assertThat(t.string("panExpiry")).isEqualTo("09/28");
            assertThat(t.string("maskedPan")).isEqualTo(pan.substring(0, 4) + "********" + pan.substring(12));
            assertThat(t.string("cardType")).isEqualTo("Debit Card");
            assertThat(t.string("cardFaceID")).isEqualTo("100205");
            assertNoCardData(outcome, pan, cvn2);

            TokenRecord stored = f.cards.findToken(token).orElseThrow();
            assertThat(stored.cardId()).isEqualTo(card.cardId());
            assertThat(stored.insId()).isEqualTo(WALLET_ID);
            assertThat(stored.deviceId()).isEqualTo(DEVICE);
            assertThat(stored.userId()).isEqualTo(USER);
            assertThat(stored.state()).isEqualTo(CardState.ACTIVE);
            assertThat(stored.createdAt()).isEqualTo(f.clock.instant());
            assertThat(f.cards.allCards()).hasSize(1);
        }

        @Test
        void acceptsThePrintedExpiryFormatAndNoPrdNo() {
            Outcome outcome = enroll(json("pan", pan, "expiryDate", "09/28", "cvn2", cvn2), null, DEVICE);
            assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        }

        @Test
        void unwrapsTheLegacySubClaim() {
            String inner = json("pan", pan, "expiryDate", "2809", "cvn2", cvn2).replace("\"", "\\\"");
            Outcome outcome = enroll("{\"sub\":\"" + inner + "\"}");
            assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        }

        @ParameterizedTest
        @CsvSource({"2810, right", "10/28, right", "2809, wrong", "2809, missing", "missing, right", "garbage, right"})
        void wrongOrMissingExpiryOrCvn2Is05(String expiry, String cvnCase) {
            String cvn = switch (cvnCase) {
                case "right" -> cvn2;
                case "wrong" -> String.format("%03d", (Integer.parseInt(cvn2) + 1) % 1000);
                default -> null;
            };
            StringBuilder cvm = new StringBuilder("{\"pan\":\"" + pan + "\"");
            if (!expiry.equals("missing")) {
                cvm.append(",\"expiryDate\":\"").append(expiry).append('"');
            }
            if (cvn != null) {
                cvm.append(",\"cvn2\":\"").append(cvn).append('"');
            }
            Outcome outcome = enroll(cvm.append('}').toString());
            assertThat(outcome.code()).isEqualTo(ResponseCode.CARDHOLDER_VERIFICATION_FAILED);
            assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
            assertNoCardData(outcome, pan, cvn2, cvn);
            assertThat(f.cards.allTokens()).isEmpty();
        }

        private String wrongCvn2() {
            return String.format("%03d", (Integer.parseInt(cvn2) + 1) % 1000);
        }

        private void failVerification(int times) {
            for (int i = 0; i < times; i++) {
                assertThat(enrollWith("2809", wrongCvn2()).responseMsg())
                        .isEqualTo("expiryDate or cvn2 does not match the card");
            }
        }

        @Test
        void tooManyWrongTriesLockTheCardSoEvenTheRightCvn2Is05() {
            List<String> lines;
            try (LogCapture log = new LogCapture()) {
                failVerification(RouterFixture.VERIFICATION_LIMIT);
                lines = log.lines();
            }
            assertThat(lines).filteredOn(l -> l.contains("locked")).hasSize(1).first().asString()
                    .contains(card.cardId()).contains(Masking.pan(pan)).contains(WALLET_ID);
            assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain(pan));

            Outcome outcome = enrollWith("2809", cvn2);
            assertThat(outcome.code()).isEqualTo(ResponseCode.CARDHOLDER_VERIFICATION_FAILED);
            assertThat(outcome.responseMsg()).isEqualTo("card verification locked");
            assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
            assertNoCardData(outcome, pan, cvn2);
            assertThat(f.cards.allTokens()).isEmpty();
        }

        @Test
        void aLockedCardIsNotComparedSoFurtherGuessesAreNotCounted() {
            failVerification(RouterFixture.VERIFICATION_LIMIT);
            Outcome outcome = enrollWith("2809", wrongCvn2());
            assertThat(outcome.responseMsg()).isEqualTo("card verification locked");
            assertThat(f.attempts.failures(card.cardId(), f.clock.instant()))
                    .isEqualTo(RouterFixture.VERIFICATION_LIMIT);
        }

        @Test
        void oneTryFewerThanTheLimitStillLetsTheRightCvn2Through() {
            failVerification(RouterFixture.VERIFICATION_LIMIT - 1);
            assertThat(enrollWith("2809", cvn2).code()).isEqualTo(ResponseCode.APPROVED);
        }

        @Test
        void theCardIsUsableAgainOnceTheWindowHasPassed() {
            failVerification(RouterFixture.VERIFICATION_LIMIT);
            f.clock.advance(RouterFixture.VERIFICATION_WINDOW.minusSeconds(1));
            assertThat(enrollWith("2809", cvn2).responseMsg()).isEqualTo("card verification locked");

            f.clock.advance(Duration.ofSeconds(1));
            assertThat(enrollWith("2809", cvn2).code()).isEqualTo(ResponseCode.APPROVED);
        }

        @Test
        void aSuccessResetsTheCount() {
            failVerification(RouterFixture.VERIFICATION_LIMIT - 1);
            assertThat(enrollWith("2809", cvn2).code()).isEqualTo(ResponseCode.APPROVED);
            assertThat(f.attempts.failures(card.cardId(), f.clock.instant())).isZero();

            failVerification(RouterFixture.VERIFICATION_LIMIT - 1);
            assertThat(enrollWith("2809", cvn2).code()).isEqualTo(ResponseCode.ALREADY_PROVISIONED);
        }

        @Test
        void aWrongExpiryCountsAsAFailureToo() {
            for (int i = 0; i < RouterFixture.VERIFICATION_LIMIT; i++) {
                enrollWith("2810", cvn2);
            }
            assertThat(enrollWith("2809", cvn2).responseMsg()).isEqualTo("card verification locked");
        }

        @Test
        void failuresAreCountedPerCard() {
            String otherPan = RouterFixture.pan(DEBIT, "5522");
            f.card("C-PHYS-2", otherPan, "2809");
            failVerification(RouterFixture.VERIFICATION_LIMIT);
            Outcome other = enroll(json("pan", otherPan, "expiryDate", "2809", "cvn2",
                    f.secrets.cvn2(otherPan, "2809")));
            assertThat(other.code()).isEqualTo(ResponseCode.APPROVED);
        }

        @ParameterizedTest
        @CsvSource({
            "SUSPENDED, LOST, 41", "SUSPENDED, STOLEN, 43", "SUSPENDED, FRAUD, 34", "SUSPENDED, EXPIRED, 54",
            "SUSPENDED, NONE, 21", "DELETED, NONE, 21"})
        void anUnusableCardAnswersWithItsReason(CardState state, StateReason reason, String code) {
            f.cards.updateCardState(card.cardId(), state, reason);
            Outcome outcome = enrollWith("2809", cvn2);
            assertThat(outcome.code().code()).isEqualTo(code);
            assertNoCardData(outcome, pan, cvn2);
        }

        @Test
        void aCardPastItsExpiryIs54() {
            f.clock.set(Instant.parse("2028-10-01T00:00:00Z"));
            assertThat(enrollWith("2809", cvn2).code()).isEqualTo(ResponseCode.EXPIRED_CARD);
            f.clock.set(Instant.parse("2028-09-30T23:59:59Z"));
            assertThat(enrollWith("2809", cvn2).code()).isEqualTo(ResponseCode.APPROVED);
        }

        @Test
        void aProductWithoutEnrolmentIs40() {
            String closedPan = RouterFixture.pan(CLOSED, "12");
            f.card("C-CLOSED", closedPan, "2809", CardState.ACTIVE, StateReason.NONE, CLOSED, null);
            Outcome outcome = enroll(json("pan", closedPan, "expiryDate", "2809", "cvn2",
                    f.secrets.cvn2(closedPan, "2809")));
            assertThat(outcome.code()).isEqualTo(ResponseCode.NOT_SUPPORTED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ACTIVE", "SUSPENDED"})
        void aLiveTokenOnTheSameDeviceIs88(CardState state) {
            f.token(RouterFixture.tokenNumber("9"), card, WALLET_ID, DEVICE, state);
            Outcome outcome = enrollWith("2809", cvn2);
            assertThat(outcome.code()).isEqualTo(ResponseCode.ALREADY_PROVISIONED);
            assertThat(f.cards.allTokens()).hasSize(1);
        }

        @Test
        void aDeletedTokenOnTheDeviceOrATokenOnAnotherDeviceDoesNotBlock() {
            f.token(RouterFixture.tokenNumber("9"), card, WALLET_ID, DEVICE, CardState.DELETED);
            f.token(RouterFixture.tokenNumber("8"), card, WALLET_ID, OTHER_DEVICE, CardState.ACTIVE);
            assertThat(enrollWith("2809", cvn2).code()).isEqualTo(ResponseCode.APPROVED);
            assertThat(f.cards.allTokens()).hasSize(3);
        }

        @Test
        void aTakenTokenNumberIsDrawnAgain() {
            String taken = "000000000001";
            f.token(Luhn.withCheckDigit(DEBIT.tokenBin() + taken), card, WALLET_ID, OTHER_DEVICE, CardState.ACTIVE);
            f.secrets.script(taken, taken, taken, taken);
            Outcome outcome = enrollWith("2809", cvn2);
            assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
            assertThat(f.cards.rejectedInserts()).isEqualTo(4);
        }

        @Test
        void fiveTakenTokenNumbersAre08() {
            String taken = "000000000001";
            f.token(Luhn.withCheckDigit(DEBIT.tokenBin() + taken), card, WALLET_ID, OTHER_DEVICE, CardState.ACTIVE);
            f.secrets.script(taken, taken, taken, taken, taken);
            Outcome outcome = enrollWith("2809", cvn2);
            assertThat(outcome.code()).isEqualTo(ResponseCode.TSP_ERROR);
            assertThat(f.cards.rejectedInserts()).isEqualTo(Provisioner.MAX_NUMBER_DRAWS);
            assertThat(f.cards.allTokens()).hasSize(1);
            assertNoCardData(outcome, pan, cvn2);
        }

        @Test
        void aTokenThatAConcurrentEnrolmentStoredFirstIs88() {
            f.cards.beforeNextInsert(
                    () -> f.token(RouterFixture.tokenNumber("9"), card, WALLET_ID, DEVICE, CardState.ACTIVE));
            Outcome outcome = enrollWith("2809", cvn2);
            assertThat(outcome.code()).isEqualTo(ResponseCode.ALREADY_PROVISIONED);
            assertThat(f.cards.allTokens()).extracting(TokenRecord::token)
                    .containsExactly(RouterFixture.tokenNumber("9"));
            assertNoCardData(outcome, pan, cvn2);
        }

        @Test
        void concurrentEnrolmentsOfTheCardOnOneDeviceHaveOneWinner() throws Exception {
            List<ResponseCode> codes = Race.run(RACERS, i -> enrollWith("2809", cvn2).code());
            assertThat(codes).filteredOn(c -> c == ResponseCode.APPROVED).hasSize(1);
            assertThat(codes).filteredOn(c -> c == ResponseCode.ALREADY_PROVISIONED).hasSize(RACERS - 1);
            assertThat(f.cards.allTokens()).hasSize(1);
        }
    }

    @Nested
    class CardNumberChecks {

        @ParameterizedTest
        @ValueSource(strings = {"629001000000", "62900100000000000000", "6290010000000001x", "629001000000000A"})
        void malformedPanIs14(String pan) {
            Outcome outcome = enroll(json("pan", pan, "expiryDate", "2809", "cvn2", "123"));
            assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
            assertNoCardData(outcome, pan);
        }

        @Test
        void luhnInvalidPanIs14() {
            String pan = RouterFixture.withWrongCheckDigit(RouterFixture.pan(DEBIT, "4411"));
            Outcome outcome = enroll(json("pan", pan, "expiryDate", "2809", "cvn2", "123"));
            assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
            assertNoCardData(outcome, pan);
        }

        @Test
        void aPanThatIsNotAStringIs14() {
            Outcome outcome = enroll("{\"pan\":6290010000000000,\"expiryDate\":\"2809\",\"cvn2\":\"123\"}");
            assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        }

        @Test
        void aBinNoIssuerServesIs15() {
            String pan = Luhn.withCheckDigit("621234567890123");
            Outcome outcome = enroll(json("pan", pan, "expiryDate", "2809", "cvn2", "123"));
            assertThat(outcome.code()).isEqualTo(ResponseCode.NO_SUCH_ISSUER);
            assertNoCardData(outcome, pan);
        }

        @Test
        void anUnknownCardOfAServedBinIs14() {
            String onProduct = RouterFixture.pan(DEBIT, "999");
            String productless = Luhn.withCheckDigit(RouterFixture.PRODUCTLESS_IIN + "1234567");
            for (String pan : List.of(onProduct, productless)) {
                Outcome outcome = enroll(json("pan", pan, "expiryDate", "2809", "cvn2", "123"));
                assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
                assertThat(outcome.responseMsg()).isEqualTo("the card is not known");
                assertNoCardData(outcome, pan);
            }
        }
    }

    /** A card (new or existing) on an issuer account. */
    @Nested
    class Account {

        private static final String ACCOUNT = "100000001234";

        private Outcome enrollAccount(String device) {
            return enroll(json("accountNo", ACCOUNT, "firstName", "chen", "lastName", "kai"), DEBIT.prdNo(), device);
        }

        @Test
        void issuesANewCardAndToken() {
            Outcome outcome;
            try (LogCapture log = new LogCapture()) {
                outcome = enrollAccount(DEVICE);
                assertThat(log.lines()).allSatisfy(line -> assertThat(line).doesNotContain(ACCOUNT));
            }
            assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
            CardRecord card = f.cards.allCards().get(0);
            assertThat(card.pan()).hasSize(16).startsWith(DEBIT.bin());
            assertThat(Luhn.isValid(card.pan())).isTrue();
            assertThat(card.expiry()).isEqualTo("2806");
            assertThat(card.accountNo()).isEqualTo(ACCOUNT);
            assertThat(card.issuerIin()).isEqualTo(DEBIT.issuerIin());
            assertThat(card.productId()).isEqualTo(DEBIT.prdNo());
            assertThat(card.state()).isEqualTo(CardState.ACTIVE);
            assertThat(card.reason()).isEqualTo(StateReason.NONE);
            assertThat(card.cardId()).startsWith("C").hasSize(21);

            TrxInfo t = outcome.trxInfo();
            assertThat(FakeFieldCrypto.openFor(WALLET_ID, t.string("pan"))).isEqualTo(card.pan());
            assertThat(t.string("panExpiry")).isEqualTo("06/28");
            assertThat(t.string("tokenExpiry")).isEqualTo("280630235959");
            assertThat(t.string("maskedPan")).isEqualTo(card.maskedPan());
            assertThat(t.string("cardType")).isEqualTo("Debit Card");
            assertThat(t.string("cardFaceID")).isEqualTo("100205");
            assertThat(f.cards.findToken(t.string("token")).orElseThrow().cardId()).isEqualTo(card.cardId());
            assertNoCardData(outcome, card.pan(), ACCOUNT);
        }

        @Test
        void aSecondDeviceGetsATokenOnTheSameCard() {
            assertThat(enrollAccount(DEVICE).code()).isEqualTo(ResponseCode.APPROVED);
            Outcome second = enrollAccount(OTHER_DEVICE);
            assertThat(second.code()).isEqualTo(ResponseCode.APPROVED);
            assertThat(f.cards.allCards()).hasSize(1);
            assertThat(f.cards.allTokens()).hasSize(2);
            assertThat(FakeFieldCrypto.openFor(WALLET_ID, second.trxInfo().string("pan")))
                    .isEqualTo(f.cards.allCards().get(0).pan());
        }

        @Test
        void theSameDeviceAgainIs88() {
            assertThat(enrollAccount(DEVICE).code()).isEqualTo(ResponseCode.APPROVED);
            Outcome again = enrollAccount(DEVICE);
            assertThat(again.code()).isEqualTo(ResponseCode.ALREADY_PROVISIONED);
            assertNoCardData(again, ACCOUNT);
            assertThat(f.cards.allTokens()).hasSize(1);
        }

        @Test
        void afterDeletingTheTokenTheDeviceMayEnrolAgain() {
            Outcome first = enrollAccount(DEVICE);
            TokenRecord token = f.cards.findToken(first.trxInfo().string("token")).orElseThrow();
            f.cards.forceToken(token.withState(CardState.DELETED, f.clock.instant()));
            assertThat(enrollAccount(DEVICE).code()).isEqualTo(ResponseCode.APPROVED);
            assertThat(f.cards.allCards()).hasSize(1);
        }

        @Test
        void anUnusableExistingCardAnswersWithItsReason() {
            f.card("C-ACC", RouterFixture.pan(DEBIT, "31"), "2809", CardState.SUSPENDED, StateReason.STOLEN, DEBIT,
                    ACCOUNT);
            assertThat(enrollAccount(DEVICE).code()).isEqualTo(ResponseCode.STOLEN_CARD);
            assertThat(f.cards.allTokens()).isEmpty();
        }

        @Test
        void anExpiredExistingCardIs54() {
            f.card("C-ACC", RouterFixture.pan(DEBIT, "31"), "2505", CardState.ACTIVE, StateReason.NONE, DEBIT, ACCOUNT);
            assertThat(enrollAccount(DEVICE).code()).isEqualTo(ResponseCode.EXPIRED_CARD);
        }

        @Test
        void aDeletedCardIsReplacedByANewOne() {
            f.card("C-OLD", RouterFixture.pan(DEBIT, "31"), "2809", CardState.DELETED, StateReason.NONE, DEBIT, ACCOUNT);
            assertThat(enrollAccount(DEVICE).code()).isEqualTo(ResponseCode.APPROVED);
            assertThat(f.cards.allCards()).hasSize(2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"123", "12345678901234567890123456789012345", "10000000123A", ""})
        void malformedAccountNumberIs30(String account) {
            Outcome outcome = enroll(json("accountNo", account));
            assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
            assertThat(outcome.responseMsg()).startsWith("cvmInfo.accountNo");
            assertNoCardData(outcome, account.length() >= 4 ? account : null);
        }

        @Test
        void missingPrdNoIs30() {
            Outcome outcome = enroll(json("accountNo", ACCOUNT), null, DEVICE);
            assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
            assertThat(outcome.responseMsg()).startsWith("prdNo");
        }

        @Test
        void unknownPrdNoIs89() {
            assertThat(enroll(json("accountNo", ACCOUNT), "9999", DEVICE).code())
                    .isEqualTo(ResponseCode.CARD_PROFILE_NOT_FOUND);
        }

        @Test
        void aProductWithoutEnrolmentIs40() {
            assertThat(enroll(json("accountNo", ACCOUNT), CLOSED.prdNo(), DEVICE).code())
                    .isEqualTo(ResponseCode.NOT_SUPPORTED);
        }

        @Test
        void fiveTakenPansAre08() {
            String takenMiddle = "5555555";
            String takenPan = Luhn.withCheckDigit(DEBIT.bin() + takenMiddle);
            f.card("C-TAKEN", takenPan, "2809", CardState.ACTIVE, StateReason.NONE, DEBIT, "999999");
            for (int i = 0; i < Provisioner.MAX_NUMBER_DRAWS; i++) {
                f.secrets.script(takenMiddle, "1000000000000000000" + i, "00000000000" + i);
            }
            Outcome outcome = enrollAccount(DEVICE);
            assertThat(outcome.code()).isEqualTo(ResponseCode.TSP_ERROR);
            assertThat(f.cards.allCards()).hasSize(1);
            assertThat(f.cards.allTokens()).isEmpty();
            assertNoCardData(outcome, takenPan, ACCOUNT);
        }

        @Test
        void aCardThatAConcurrentEnrolmentCreatedFirstIsReused() {
            String racedPan = RouterFixture.pan(DEBIT, "77");
            f.cards.beforeNextInsert(() -> f.card("C-RACE", racedPan, "2809", CardState.ACTIVE, StateReason.NONE, DEBIT,
                    ACCOUNT));
            Outcome outcome = enrollAccount(DEVICE);
            assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
            assertThat(f.cards.allCards()).extracting(CardRecord::cardId).containsExactly("C-RACE");
            assertThat(f.cards.allTokens()).singleElement()
                    .satisfies(t -> assertThat(t.cardId()).isEqualTo("C-RACE"))
                    .satisfies(t -> assertThat(t.deviceId()).isEqualTo(DEVICE));
            assertThat(FakeFieldCrypto.openFor(WALLET_ID, outcome.trxInfo().string("pan"))).isEqualTo(racedPan);
        }

        @Test
        void aCardWithATokenOnThisDeviceThatAConcurrentEnrolmentCreatedFirstIs88() {
            f.cards.beforeNextInsert(() -> {
                CardRecord raced = f.card("C-RACE", RouterFixture.pan(DEBIT, "77"), "2809", CardState.ACTIVE,
                        StateReason.NONE, DEBIT, ACCOUNT);
                f.token(RouterFixture.tokenNumber("9"), raced, WALLET_ID, DEVICE, CardState.ACTIVE);
            });
            Outcome outcome = enrollAccount(DEVICE);
            assertThat(outcome.code()).isEqualTo(ResponseCode.ALREADY_PROVISIONED);
            assertThat(f.cards.allCards()).hasSize(1);
            assertThat(f.cards.allTokens()).hasSize(1);
            assertNoCardData(outcome, ACCOUNT);
        }

        @Test
        void anAccountWhoseCardsKeepChangingIs08() {
            AtomicInteger attempts = new AtomicInteger();
            CardRepository alwaysLosing = new DelegatingCardRepository(f.cards) {
                @Override
                public InsertResult insertCardWithToken(CardRecord card, TokenRecord token) {
                    attempts.incrementAndGet();
                    return InsertResult.ALREADY_LIVE;
                }
            };
            CardEnrollmentHandler losing = new CardEnrollmentHandler(f.catalog, alwaysLosing, f.attempts,
                    f.secrets, f.crypto, f.json, f.clock, o.cbs);
            Outcome outcome = run(losing, f.request(MessageType.CARD_ENROLLMENT, trx("deviceID", DEVICE, "userID", USER,
                    "prdNo", DEBIT.prdNo(), "cvmInfo", FakeFieldCrypto.sealForSwitch(json("accountNo", ACCOUNT)))));
            assertThat(outcome.code()).isEqualTo(ResponseCode.TSP_ERROR);
            assertThat(attempts).hasValue(CardEnrollmentHandler.MAX_ACCOUNT_DECISIONS);
            assertNoCardData(outcome, ACCOUNT);
        }

        @Test
        void concurrentEnrolmentsOfTheAccountOnOneDeviceHaveOneWinner() throws Exception {
            List<ResponseCode> codes = Race.run(RACERS, i -> enrollAccount(DEVICE).code());
            assertThat(codes).filteredOn(c -> c == ResponseCode.APPROVED).hasSize(1);
            assertThat(codes).filteredOn(c -> c == ResponseCode.ALREADY_PROVISIONED).hasSize(RACERS - 1);
            assertThat(f.cards.allCards()).hasSize(1);
            assertThat(f.cards.allTokens()).hasSize(1);
        }

        @Test
        void concurrentEnrolmentsOfTheAccountOnManyDevicesShareOneCard() throws Exception {
            List<ResponseCode> codes = Race.run(RACERS, i -> enrollAccount("device-" + i).code());
            assertThat(codes).containsOnly(ResponseCode.APPROVED);
            assertThat(f.cards.allCards()).hasSize(1);
            assertThat(f.cards.allTokens()).hasSize(RACERS)
                    .allSatisfy(t -> assertThat(t.cardId()).isEqualTo(f.cards.allCards().get(0).cardId()));
        }
    }

    /** The issuer's CBS is asked whether an account exists before a card is issued on it. */
    @Nested
    class AccountCheck {

        private static final String ACCOUNT = "100000005678";

        private Outcome enrollAccount() {
            return enroll(json("accountNo", ACCOUNT, "firstName", "chen", "lastName", "kai"), DEBIT.prdNo(), DEVICE);
        }

        @Test
        void asksTheProductsIssuerForTheAccountBeforeIssuingTheCard() {
            assertThat(enrollAccount().code()).isEqualTo(ResponseCode.APPROVED);
            OnboardingFixture.Sent sent = o.onlyCall();
            assertThat(sent.issuerIin()).isEqualTo(DEBIT.issuerIin());
            assertThat(sent.call().operation()).isEqualTo(CbsOperation.ACCOUNT_BALANCE_INQUIRY);
            assertThat(sent.call().trxInfo()).isEqualTo(trx("accountInfo", trx("accountNo", ACCOUNT)));
            assertThat(sent.call().cbsMsgId()).hasSize(29).startsWith("U" + DEBIT.issuerIin());
            assertThat(sent.deadline()).isEqualTo(f.clock.instant().plus(OnboardingFixture.CBS_TIMEOUT));
        }

        @Test
        void anAccountTheIssuerDoesNotKnowIs14() {
            o.cbsAnswers(OnboardingFixture.refused(ResponseCode.INVALID_CARD_NUMBER));
            Outcome outcome = enrollAccount();
            assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
            assertThat(outcome.responseMsg()).isEqualTo("the account is not known to the issuer");
            assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
            assertThat(f.cards.allCards()).isEmpty();
            assertNoCardData(outcome, ACCOUNT);
        }

        @ParameterizedTest
        @EnumSource(value = ResponseCode.class, names = {"REFER_TO_ISSUER", "CARDHOLDER_VERIFICATION_FAILED",
            "FORMAT_ERROR", "INSUFFICIENT_BALANCE", "ISSUER_VALIDATION_ERROR", "ISSUER_DECLINED", "ISSUER_MAC_FAILED",
            "ISSUER_SYSTEM_ERROR"})
        void otherRefusalsPassThrough(ResponseCode code) {
            o.cbsAnswers(OnboardingFixture.refused(code));
            Outcome outcome = enrollAccount();
            assertThat(outcome.code()).isEqualTo(code);
            assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
            assertThat(f.cards.allCards()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = ResponseCode.class, names = {"NETWORK_ERROR", "ISSUER_SYSTEM_ERROR", "TIMEOUT"})
        void aCheckNeverSentAnswersItsCode(ResponseCode code) {
            o.cbsAnswers(new CbsReply.NotSent(code, "no connection"));
            assertThat(enrollAccount().code()).isEqualTo(code);
            assertThat(f.cards.allCards()).isEmpty();
        }

        @Test
        void noAnswerIs91() {
            o.cbsAnswers(new CbsReply.NoAnswer("timeout after sending"));
            Outcome outcome = enrollAccount();
            assertThat(outcome.code()).isEqualTo(ResponseCode.ISSUER_SYSTEM_ERROR);
            assertThat(outcome.responseMsg()).isEqualTo("no answer from the issuer's core banking system");
            assertThat(f.cards.allCards()).isEmpty();
        }

        @Test
        void theCardIsIssuedWhenTheCbsAnswersLater() throws Exception {
            CompletableFuture<CbsReply> reply = new CompletableFuture<>();
            o.cbsStages(call -> reply);
            CompletionStage<Outcome> stage = handler.handle(f.request(MessageType.CARD_ENROLLMENT, trx("deviceID",
                    DEVICE, "userID", USER, "prdNo", DEBIT.prdNo(), "cvmInfo",
                    FakeFieldCrypto.sealForSwitch(json("accountNo", ACCOUNT)))));
            assertThat(stage.toCompletableFuture()).isNotDone();
            assertThat(f.cards.allCards()).isEmpty();
            reply.complete(OnboardingFixture.approved(TrxInfo.EMPTY));
            assertThat(stage.toCompletableFuture().get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.APPROVED);
            assertThat(f.cards.allCards()).hasSize(1);
        }

        @Test
        void formatAndProductChecksComeFirst() {
            enroll(json("accountNo", "12"));
            enroll(json("accountNo", ACCOUNT), "9999", DEVICE);
            enroll(json("accountNo", ACCOUNT), CLOSED.prdNo(), DEVICE);
            assertThat(o.sent).isEmpty();
        }

        @Test
        void anExistingCardIsNeverCheckedWithTheCbs() {
            String pan = RouterFixture.pan(DEBIT, "4411");
            f.card("C-PHYS-1", pan, "2809");
            o.cbsAnswers(OnboardingFixture.refused(ResponseCode.INVALID_CARD_NUMBER));
            Outcome outcome = enroll(json("pan", pan, "expiryDate", "2809", "cvn2", f.secrets.cvn2(pan, "2809")));
            assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
            assertThat(o.sent).isEmpty();
        }

        @Test
        void withoutACbsLinkTheAccountIsTakenOnTrust() {
            CardEnrollmentHandler unlinked = new CardEnrollmentHandler(f.catalog, f.cards, f.attempts, f.secrets,
                    f.crypto, f.json, f.clock);
            o.cbsAnswers(OnboardingFixture.refused(ResponseCode.INVALID_CARD_NUMBER));
            Outcome outcome = run(unlinked, f.request(MessageType.CARD_ENROLLMENT, trx("deviceID", DEVICE, "userID",
                    USER, "prdNo", DEBIT.prdNo(), "cvmInfo", FakeFieldCrypto.sealForSwitch(json("accountNo", ACCOUNT)))));
            assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
            assertThat(o.sent).isEmpty();
        }
    }

    @Nested
    class Envelope {

        @Test
        void aJweThatCannotBeDecryptedIsA0() {
            for (String bad : List.of("fakejwe-badkid.e30", "fakejwe-tampered.e30", "not-a-jwe")) {
                Outcome outcome = enrollRaw(bad, DEBIT.prdNo(), DEVICE);
                assertThat(outcome.code()).isEqualTo(ResponseCode.SIGNATURE_FAILURE);
                assertThat(outcome.responseMsg()).startsWith("cvmInfo");
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"not json", "[1,2]", "\"text\"", "{\"pan\":", "{} {}", "{\"sub\":\"not json\"}"})
        void contentThatIsNotAJsonObjectIs30(String content) {
            Outcome outcome = enroll(content);
            assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
            assertThat(outcome.responseMsg()).isEqualTo("cvmInfo: content is not a JSON object");
        }

        @Test
        void invalidUtf8OrDeepNestingIs30NotAnException() {
            byte[] badUtf8 = {'{', '"', 'p', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            assertThat(enrollRaw(FakeFieldCrypto.sealForSwitch(badUtf8), DEBIT.prdNo(), DEVICE).code())
                    .isEqualTo(ResponseCode.FORMAT_ERROR);
            String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
            assertThat(enroll(deep).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        }

        @Test
        void neitherPanNorAccountNoIs30() {
            Outcome outcome = enroll(json("firstName", "chen"));
            assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
            assertThat(outcome.responseMsg()).isEqualTo("cvmInfo: pan or accountNo is missing");
        }

        @Test
        void missingOrMalformedRequestFieldsAre30() {
            String cvm = FakeFieldCrypto.sealForSwitch(json("accountNo", "100000001234"));
            List<TrxInfo> bad = List.of(
                    trx("userID", USER, "prdNo", "1003", "cvmInfo", cvm),
                    trx("deviceID", DEVICE, "prdNo", "1003", "cvmInfo", cvm),
                    trx("deviceID", DEVICE, "userID", USER, "prdNo", "1003"),
                    trx("deviceID", DEVICE, "userID", USER, "prdNo", "10-03", "cvmInfo", cvm),
                    trx("deviceID", "d".repeat(65), "userID", USER, "prdNo", "1003", "cvmInfo", cvm),
                    trx("deviceID", DEVICE, "userID", "u\u0001", "prdNo", "1003", "cvmInfo", cvm));
            for (TrxInfo trx : bad) {
                Outcome outcome = run(handler, f.request(MessageType.CARD_ENROLLMENT, trx));
                assertThat(outcome.code()).as(trx.toString()).isEqualTo(ResponseCode.FORMAT_ERROR);
            }
            assertThat(f.cards.allCards()).isEmpty();
        }
    }
}
