package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CpqrCode;
import org.openscis.router.port.StateReason;
import org.openscis.router.port.TokenRecord;
import org.openscis.router.qr.CodeCryptogram;
import org.openscis.router.qr.CpqrSettings;
import org.openscis.router.qr.ScanResult;
import org.openscis.router.testing.CpqrFixture;
import org.openscis.router.testing.MoneyFixture;
import org.openscis.router.testing.RouterFixture;

class QrcGenerationHandlerTest {

    private final CpqrFixture q = new CpqrFixture();
    private final CardRecord card = q.card("C1", "11", "774411220033");
    private final TokenRecord token = q.token("11", card);

    private TrxInfo.Builder generation(String tokenNumber, String cpqrcNo) {
        return TrxInfo.builder()
                .put("deviceID", DEVICE)
                .put("userID", USER)
                .put("token", tokenNumber)
                .put("trxLimit", "100")
                .put("cvmLimit", "1")
                .put("limitCurrency", "156")
                .put("cpqrcNo", cpqrcNo);
    }

    private Outcome ask(TrxInfo trxInfo) {
        return run(q.generationHandler(), q.m.request(MessageType.QRC_GENERATION, trxInfo));
    }

    private ResponseCode code(TrxInfo trxInfo) {
        return ask(trxInfo).code();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(TrxInfo reply, String name) {
        return (List<String>) (List<?>) reply.list(name);
    }

    @Test
    void oneCodeAsInUpisSample() {
        Outcome outcome = ask(generation(token.token(), "01").build());

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        TrxInfo reply = outcome.trxInfo();
        assertThat(reply.names()).containsExactly("cpqrcNo", "emvCpqrcPayload", "barcodeCpqrcPayload");
        assertThat(reply.string("cpqrcNo")).isEqualTo("01");
        List<String> payloads = strings(reply, "emvCpqrcPayload");
        List<String> barcodes = strings(reply, "barcodeCpqrcPayload");
        assertThat(payloads).hasSize(1).allMatch(p -> p.startsWith("hQVDUFYwMW"));
        assertThat(barcodes).hasSize(1).allMatch(b -> b.matches("62\\d{17}"));
        CpqrCode stored = q.codes.codes().get(0);
        assertThat(stored.emvPayload()).isEqualTo(payloads.get(0));
        assertThat(stored.barcode()).isEqualTo(barcodes.get(0));
        assertThat(stored.trxLimitMinor()).isEqualTo(10_000);
        assertThat(stored.cvmLimitMinor()).isEqualTo(100);
        assertThat(stored.limitCurrency()).isEqualTo("156");
        assertThat(stored.insId()).isEqualTo(WALLET_ID);
        assertThat(stored.expiresAt()).isEqualTo(q.m.f.clock.instant().plus(CpqrSettings.DEFAULT_VALIDITY));
        assertThat(q.scan.scan(payloads.get(0), null)).isEqualTo(new ScanResult.Accepted(stored));
        assertThat(q.scan.scan(null, barcodes.get(0))).isEqualTo(new ScanResult.Accepted(stored));
    }

    @Test
    void severalCodesWithIncreasingAtcsAcrossRequestsAndEchoedCouponAndRiskInfo() {
        TrxInfo risk = TrxInfo.builder().put("deviceScore", "9").build();
        Outcome first = ask(generation(token.token(), "03").put("couponInfo", List.of("C-1")).put("riskInfo", risk)
                .build());
        Outcome second = ask(generation(token.token(), "02").build());

        assertThat(first.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(first.trxInfo().names()).containsExactly("cpqrcNo", "emvCpqrcPayload", "barcodeCpqrcPayload",
                "couponInfo", "riskInfo");
        assertThat(first.trxInfo().get("couponInfo")).isEqualTo(List.of("C-1"));
        assertThat(first.trxInfo().object("riskInfo")).isEqualTo(risk);
        assertThat(strings(first.trxInfo(), "emvCpqrcPayload")).hasSize(3).doesNotHaveDuplicates();
        assertThat(strings(first.trxInfo(), "barcodeCpqrcPayload")).hasSize(3).doesNotHaveDuplicates();
        assertThat(strings(second.trxInfo(), "emvCpqrcPayload")).hasSize(2);
        assertThat(q.codes.codes()).extracting(CpqrCode::atc).containsExactly(1, 2, 3, 4, 5);
        // payload i and barcode i are the same code
        for (int i = 0; i < 3; i++) {
            String payload = strings(first.trxInfo(), "emvCpqrcPayload").get(i);
            String barcode = strings(first.trxInfo(), "barcodeCpqrcPayload").get(i);
            assertThat(q.codes.findByPayload(payload)).isEqualTo(q.codes.findByBarcode(barcode)).isPresent();
        }
    }

    @Test
    void theConfiguredValidityAndMaximumApply() {
        q.settings = new CpqrSettings(Duration.ofMinutes(2), 3);

        assertThat(code(generation(token.token(), "03").build())).isEqualTo(ResponseCode.APPROVED);
        assertThat(q.codes.codes().get(0).expiresAt()).isEqualTo(q.m.f.clock.instant().plus(Duration.ofMinutes(2)));
        Outcome tooMany = ask(generation(token.token(), "04").build());
        assertThat(tooMany.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(tooMany.responseMsg()).isEqualTo("cpqrcNo: must be 01 to 03");
        assertThat(tooMany.trxInfo()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "11", "1", "001", "0a", "99"})
    void cpqrcNoOutsideOneToTheMaximumIs30(String cpqrcNo) {
        assertThat(code(generation(token.token(), cpqrcNo).build())).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(q.codes.codes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"deviceID", "userID", "token", "trxLimit", "cvmLimit", "limitCurrency", "cpqrcNo"})
    void everyMandatoryFieldIsNeeded(String field) {
        Outcome outcome = ask(generation(token.token(), "01").remove(field).build());
        assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(outcome.responseMsg()).contains(field);
    }

    @Test
    void formatErrorsAre30() {
        assertThat(code(generation(token.token(), "01").put("riskInfo", "high").build()))
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(code(generation(token.token(), "01").put("limitCurrency", "15A").build()))
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        Outcome unknownCurrency = ask(generation(token.token(), "01").put("limitCurrency", "999").build());
        assertThat(unknownCurrency.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(unknownCurrency.responseMsg()).startsWith("limitCurrency:");
    }

    @Test
    void tokenChecks() {
        assertThat(code(generation(RouterFixture.withWrongCheckDigit(token.token()), "01").build()))
                .isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
        assertThat(code(generation(MoneyFixture.tokenNumber(CpqrFixture.QR, "99"), "01").build()))
                .isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        assertThat(run(q.generationHandler(), q.m.f.request(MessageType.QRC_GENERATION, q.m.f.otherWallet,
                generation(token.token(), "01").build())).code()).isEqualTo(ResponseCode.ENROLLMENT_NOT_FOUND);
        assertThat(code(generation(token.token(), "01").put("deviceID", OTHER_DEVICE).build()))
                .isEqualTo(ResponseCode.INVALID_DEVICE);
        assertThat(q.codes.codes()).isEmpty();
    }

    @Test
    void aTokenWithoutItsCardIs08() {
        String orphan = MoneyFixture.tokenNumber(CpqrFixture.QR, "99");
        q.m.f.cards.putToken(new TokenRecord(orphan, "C-missing", WALLET_ID, DEVICE, USER, "280930235959",
                CardState.ACTIVE, Instant.EPOCH, Instant.EPOCH));

        assertThat(code(generation(orphan, "01").build())).isEqualTo(ResponseCode.TSP_ERROR);
    }

    @ParameterizedTest
    @CsvSource({"SUSPENDED, NONE, 21", "SUSPENDED, LOST, 41", "SUSPENDED, STOLEN, 43", "SUSPENDED, FRAUD, 34",
        "SUSPENDED, EXPIRED, 54", "DELETED, NONE, 21"})
    void theCardsStateDecides(CardState state, StateReason reason, String expected) {
        CardRecord other = q.m.card("C2", "22", "100000000002", state, reason, CpqrFixture.QR);
        TokenRecord t = q.token("22", other);
        assertThat(code(generation(t.token(), "01").build()).code()).isEqualTo(expected);
    }

    @Test
    void anExpiredCardAndASuspendedTokenAreRefused() {
        CardRecord old = q.m.f.card("C2", RouterFixture.pan(CpqrFixture.QR, "22"), "2505", CardState.ACTIVE,
                StateReason.NONE, CpqrFixture.QR, "100000000002");
        assertThat(code(generation(q.token("22", old).token(), "01").build())).isEqualTo(ResponseCode.EXPIRED_CARD);

        TokenRecord suspended = q.m.token("33", card, WALLET_ID, OTHER_DEVICE, CardState.SUSPENDED);
        assertThat(code(generation(suspended.token(), "01").put("deviceID", OTHER_DEVICE).build()))
                .isEqualTo(ResponseCode.CARD_STATUS_ERROR);
    }

    @Test
    void theProductMustBeConfiguredAllowTheTypeAndTheTier() {
        CardRecord wallet = q.m.card("C2", "22", "100000000002");
        assertThat(code(generation(q.token("22", wallet).token(), "01").build()))
                .as("the money product does not allow QRC_GENERATION").isEqualTo(ResponseCode.NOT_SUPPORTED);

        CardRecord orphan = q.m.f.cards.putCard(new CardRecord("C3", RouterFixture.pan(CpqrFixture.QR, "33"),
                "2809", MoneyFixture.ISSUER, "9999", "100000000003", "x", RouterFixture.FACE_ID, CardState.ACTIVE,
                StateReason.NONE, Instant.parse("2024-01-01T00:00:00Z")));
        TokenRecord o = q.m.f.token(MoneyFixture.tokenNumber(CpqrFixture.QR, "33"), orphan, WALLET_ID, DEVICE,
                CardState.ACTIVE);
        assertThat(code(generation(o.token(), "01").build())).isEqualTo(ResponseCode.CARD_PROFILE_NOT_FOUND);

        q.m.catalog.limits(CpqrFixture.QR.prdNo(), MoneyFixture.tiers("1", Map.of(MessageType.QRC_GENERATION, 2)));
        assertThat(code(generation(token.token(), "01").build())).isEqualTo(ResponseCode.NOT_PERMITTED);
    }

    @ParameterizedTest
    @CsvSource({"trxLimit, 0", "trxLimit, -5", "trxLimit, 1.234", "trxLimit, abc", "cvmLimit, -1",
        "cvmLimit, 0.001", "cvmLimit, x", "cvmLimit, 100.01", "limitCurrency, 344"})
    void badLimitsAre13(String field, String value) {
        Outcome outcome = ask(generation(token.token(), "01").put(field, value).build());
        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(outcome.responseMsg()).startsWith(field + ":");
        assertThat(q.codes.codes()).isEmpty();
    }

    @Test
    void aZeroCvmLimitAlwaysAsksForVerificationAndIsAllowed() {
        assertThat(code(generation(token.token(), "01").put("cvmLimit", "0").build())).isEqualTo(ResponseCode.APPROVED);
        assertThat(q.codes.codes().get(0).cvmLimitMinor()).isZero();
        assertThat(code(generation(token.token(), "01").put("cvmLimit", "100.00").build()))
                .isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void aTrxLimitAboveTheProductsPerTransactionLimitIs61ButTheDailyLimitDoesNotApply() {
        q.m.catalog.limits(CpqrFixture.QR.prdNo(), MoneyFixture.amountLimits(5_000, 1_000));

        assertThat(code(generation(token.token(), "01").put("trxLimit", "50.01").put("cvmLimit", "0").build()))
                .isEqualTo(ResponseCode.EXCEEDS_LIMIT);
        assertThat(code(generation(token.token(), "01").put("trxLimit", "50.00").put("cvmLimit", "0").build()))
                .as("a code moves no money: the daily limit is for the payment").isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void theCutOffWindowIs90() {
        q.m.catalog.limits(CpqrFixture.QR.prdNo(), MoneyFixture.cutOff(LocalTime.of(9, 55), LocalTime.of(10, 5),
                ZoneId.of("UTC")));
        assertThat(code(generation(token.token(), "01").build())).isEqualTo(ResponseCode.CUT_OFF);
    }

    @Test
    void aTokenWhoseAtcIsUsedUpIs21() {
        q.codes.setLastAtc(token.token(), CodeCryptogram.MAX_ATC - 1);

        assertThat(code(generation(token.token(), "01").build())).isEqualTo(ResponseCode.APPROVED);
        Outcome outcome = ask(generation(token.token(), "01").build());
        assertThat(outcome.code()).isEqualTo(ResponseCode.CARD_STATUS_ERROR);
        assertThat(outcome.responseMsg()).contains("transaction counter");
    }

    @Test
    void refusalsCarryNoTrxInfoAndNeverTheToken() {
        Outcome outcome = ask(generation(token.token(), "01").put("trxLimit", "0").build());
        assertThat(outcome.trxInfo()).isNull();
        assertThat(outcome.responseMsg()).doesNotContain(token.token());
    }
}
