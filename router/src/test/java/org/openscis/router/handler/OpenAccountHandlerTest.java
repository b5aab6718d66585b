package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.handler.OnboardingFixture.ONBOARD;
import static org.openscis.router.testing.CardDataLeaks.assertNoCardData;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.CLOSED;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.OTHER_DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.card.Luhn;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.port.CardRecord;
import org.openscis.router.port.CardState;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.CbsReply;
import org.openscis.router.port.KycRecord;
import org.openscis.router.port.StateReason;
import org.openscis.router.testing.FakeFieldCrypto;
import org.openscis.router.testing.LogCapture;
import org.openscis.router.testing.RouterFixture;
import org.openscis.testing.Race;

class OpenAccountHandlerTest {

    private static final String KYC_MSG_ID = "A3999006120250615095500000001";
    private static final String REFER_NO = "119771";
    private static final String ACCOUNT = "100000000042";
    private static final TrxInfo KYC_DATA = trx("firstName", "chen", "lastName", "kai", "idType", "ID card",
            "idNo", "4401234567890123", "idCountry", "156");
    private static final List<Object> DOCUMENTS = List.of(
            trx("dataType", "ID card", "dataFormat", "PNG", "dataContent", "ABCDEFG"),
            trx("dataType", "selfPhoto", "dataFormat", "PNG", "dataContent", "ABCDEFG"));

    private final OnboardingFixture o = new OnboardingFixture();
    private final OpenAccountHandler handler = new OpenAccountHandler(o.catalog, o.f.cards, o.f.secrets, o.f.crypto,
            o.kyc, o.cbs, OnboardingFixture.KYC_VALIDITY, o.f.clock);

    /** An approved KYC of the wallet, decided now. */
    private KycRecord kyc(KycRecord.KycState state, String prdNo) {
        return o.kyc.put(new KycRecord(REFER_NO, WALLET_ID, KYC_MSG_ID, ONBOARD.issuerIin(), prdNo, DEVICE, USER,
                KYC_DATA, state, null, o.f.clock.instant(), null));
    }

    private KycRecord approvedKyc() {
        return kyc(KycRecord.KycState.APPROVED, ONBOARD.prdNo());
    }

    /** The CBS opens {@link #ACCOUNT} for every call. */
    private void cbsOpensTheAccount() {
        o.cbsAnswers(OnboardingFixture.approved(trx("accountInfo", trx("accountNo", ACCOUNT, "firstName", "chen",
                "lastName", "kai", "accountStatus", "ACTIVE", "accountTier", "1", "countryCode", "156"),
                "referNo", REFER_NO)));
    }

    private Outcome open() {
        return open(trx("deviceID", DEVICE, "userID", USER, "origMsgID", KYC_MSG_ID, "origReferNo", REFER_NO,
                "cvmAddtlDocums", DOCUMENTS));
    }

    private Outcome open(TrxInfo trxInfo) {
        return run(handler, o.f.request(MessageType.OPEN_ACCOUNT, trxInfo));
    }

    @Test
    void opensTheAccountIssuesAVirtualCardAndConsumesTheKyc() {
        approvedKyc();
        cbsOpensTheAccount();
        Outcome outcome;
        try (LogCapture log = new LogCapture()) {
            outcome = open();
            assertThat(log.lines()).isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain(ACCOUNT));
        }

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        CardRecord card = o.f.cards.allCards().get(0);
        assertThat(card.accountNo()).isEqualTo(ACCOUNT);
        assertThat(card.productId()).isEqualTo(ONBOARD.prdNo());
        assertThat(card.issuerIin()).isEqualTo(ONBOARD.issuerIin());
        assertThat(card.pan()).hasSize(16).startsWith(ONBOARD.bin());
        assertThat(card.state()).isEqualTo(CardState.ACTIVE);

        TrxInfo t = outcome.trxInfo();
        assertThat(t.names()).containsExactly("deviceID", "token", "tokenExpiry", "pan", "panExpiry", "maskedPan",
                "cardType", "cardFaceID", "referNo");
        assertThat(t.string("deviceID")).isEqualTo(DEVICE);
        assertThat(t.string("token")).hasSize(19).startsWith(ONBOARD.tokenBin());
        assertThat(Luhn.isValid(t.string("token"))).isTrue();
        assertThat(t.string("tokenExpiry")).isEqualTo("280630235959");
        assertThat(FakeFieldCrypto.openFor(WALLET_ID, t.string("pan"))).isEqualTo(card.pan());
        assertThat(t.string("panExpiry")).isEqualTo("06/28");
        assertThat(t.string("maskedPan")).isEqualTo(card.maskedPan());
        assertThat(t.string("cardType")).isEqualTo("Virtual Card");
        assertThat(t.string("cardFaceID")).isEqualTo("100101");
        assertThat(t.string("referNo")).isEqualTo(REFER_NO);
        assertNoCardData(outcome, card.pan(), ACCOUNT);
        assertThat(o.f.cards.findToken(t.string("token")).orElseThrow().cardId()).isEqualTo(card.cardId());

        KycRecord consumed = o.kyc.byReferNo(REFER_NO).orElseThrow();
        assertThat(consumed.state()).isEqualTo(KycRecord.KycState.CONSUMED);
        assertThat(consumed.consumedAt()).isEqualTo(o.f.clock.instant());

        OnboardingFixture.Sent sent = o.onlyCall();
        assertThat(sent.issuerIin()).isEqualTo(ONBOARD.issuerIin());
        assertThat(sent.call().operation()).isEqualTo(CbsOperation.OPEN_ACCOUNT);
        assertThat(sent.call().cbsMsgId()).isEqualTo(consumed.openingCbsMsgId()).hasSize(29);
        assertThat(sent.deadline()).isEqualTo(o.f.clock.instant().plus(OnboardingFixture.CBS_TIMEOUT));
        TrxInfo cbsTrx = sent.call().trxInfo();
        assertThat(cbsTrx.names()).containsExactly("insPrd", "userID", "cvmInfo", "cvmAddtlDocums", "referNo");
        assertThat(cbsTrx.string("insPrd")).isEqualTo(ONBOARD.prdNo());
        assertThat(cbsTrx.string("userID")).isEqualTo(USER);
        assertThat(cbsTrx.object("cvmInfo")).isEqualTo(KYC_DATA);
        assertThat(cbsTrx.list("cvmAddtlDocums")).isEqualTo(DOCUMENTS);
        assertThat(cbsTrx.string("referNo")).isEqualTo(REFER_NO);
    }

    @Test
    void documentsAreOptionalAndACvmInfoSentAlongIsIgnored() {
        approvedKyc();
        cbsOpensTheAccount();
        Outcome outcome = open(trx("deviceID", DEVICE, "userID", USER, "origMsgID", KYC_MSG_ID, "origReferNo",
                REFER_NO, "cvmInfo", "fakejwe-badkid.e30"));
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(o.onlyCall().call().trxInfo().has("cvmAddtlDocums")).isFalse();
        assertThat(o.onlyCall().call().trxInfo().object("cvmInfo")).isEqualTo(KYC_DATA);
    }

    @Test
    void aRetryAfterAnUnansweredOpeningAsksTheSameQuestionAndCompletes() {
        approvedKyc();
        o.cbsAnswers(new CbsReply.NoAnswer("read timeout"));
        Outcome first = open();
        assertThat(first.code()).isEqualTo(ResponseCode.ISSUER_SYSTEM_ERROR);
        assertThat(first.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        KycRecord afterFirst = o.kyc.byReferNo(REFER_NO).orElseThrow();
        assertThat(afterFirst.state()).isEqualTo(KycRecord.KycState.APPROVED);
        assertThat(afterFirst.openingCbsMsgId()).isEqualTo(o.sent.get(0).call().cbsMsgId());
        assertThat(o.f.cards.allCards()).isEmpty();

        o.f.clock.advance(Duration.ofSeconds(30));
        cbsOpensTheAccount();
        Outcome retry = open();
        assertThat(retry.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(o.sent).hasSize(2);
        assertThat(o.sent.get(1).call().cbsMsgId()).isEqualTo(o.sent.get(0).call().cbsMsgId());
        assertThat(o.f.cards.allCards()).singleElement().extracting(CardRecord::accountNo).isEqualTo(ACCOUNT);
        assertThat(o.kyc.byReferNo(REFER_NO).orElseThrow().state()).isEqualTo(KycRecord.KycState.CONSUMED);
    }

    @Test
    void concurrentOpeningsOfOneKycMakeOneCard() throws Exception {
        approvedKyc();
        // An idempotent CBS: one account per CBS msgID.
        Map<String, String> accounts = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger(1);
        o.cbsAnswers(call -> OnboardingFixture.approved(trx("accountInfo", trx("accountNo", accounts.computeIfAbsent(
                call.cbsMsgId(), id -> String.format("1000000%05d", next.getAndIncrement()))))));
        List<ResponseCode> codes = Race.run(4, i -> open().code());
        assertThat(codes).filteredOn(c -> c == ResponseCode.APPROVED).hasSize(1);
        assertThat(codes).filteredOn(c -> c == ResponseCode.DUPLICATE_REQUEST).hasSize(3);
        assertThat(accounts).hasSize(1);
        assertThat(o.f.cards.allCards()).hasSize(1);
        assertThat(o.f.cards.allTokens()).hasSize(1);
        assertThat(o.kyc.byReferNo(REFER_NO).orElseThrow().state()).isEqualTo(KycRecord.KycState.CONSUMED);
    }

    @Test
    void aCardAlreadyOnTheOpenedAccountIs78AndConsumesTheKyc() {
        approvedKyc();
        cbsOpensTheAccount();
        o.f.card("C-EARLIER", RouterFixture.pan(ONBOARD, "77"), "2806", CardState.ACTIVE, StateReason.NONE, ONBOARD,
                ACCOUNT);
        Outcome outcome = open();
        assertThat(outcome.code()).isEqualTo(ResponseCode.DUPLICATE_REQUEST);
        assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        assertThat(o.f.cards.allTokens()).isEmpty();
        assertThat(o.kyc.byReferNo(REFER_NO).orElseThrow().state()).isEqualTo(KycRecord.KycState.CONSUMED);
        assertNoCardData(outcome, ACCOUNT);
    }

    @Test
    void fiveTakenCardNumbersAre08AndTheKycStaysUsable() {
        approvedKyc();
        cbsOpensTheAccount();
        String takenMiddle = "5555555";
        o.f.card("C-TAKEN", Luhn.withCheckDigit(ONBOARD.bin() + takenMiddle), "2809", CardState.ACTIVE,
                StateReason.NONE, ONBOARD, "999999");
        for (int i = 0; i < Provisioner.MAX_NUMBER_DRAWS; i++) {
            o.f.secrets.script(takenMiddle, "1000000000000000000" + i, "00000000000" + i);
        }
        Outcome outcome = open();
        assertThat(outcome.code()).isEqualTo(ResponseCode.TSP_ERROR);
        assertThat(o.kyc.byReferNo(REFER_NO).orElseThrow().state()).isEqualTo(KycRecord.KycState.APPROVED);
        assertThat(open().code()).isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void anUnknownKycOrAnotherReferNoOrAnotherParticipantsKycIs25() {
        approvedKyc();
        assertThat(open(trx("deviceID", DEVICE, "userID", USER, "origMsgID", "A3999006120250615095500000002",
                "origReferNo", REFER_NO)).code()).isEqualTo(ResponseCode.ORIGINAL_NOT_FOUND);
        Outcome otherReferNo = open(trx("deviceID", DEVICE, "userID", USER, "origMsgID", KYC_MSG_ID,
                "origReferNo", "119772"));
        assertThat(otherReferNo.code()).isEqualTo(ResponseCode.ORIGINAL_NOT_FOUND);
        assertThat(otherReferNo.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        assertThat(run(handler, o.f.request(MessageType.OPEN_ACCOUNT, o.f.otherWallet, trx("deviceID", DEVICE,
                "userID", USER, "origMsgID", KYC_MSG_ID, "origReferNo", REFER_NO))).code())
                .isEqualTo(ResponseCode.ORIGINAL_NOT_FOUND);
        assertThat(o.sent).isEmpty();
    }

    @Test
    void aRejectedKycIs93() {
        kyc(KycRecord.KycState.REJECTED, ONBOARD.prdNo());
        Outcome outcome = open();
        assertThat(outcome.code()).isEqualTo(ResponseCode.INVALID_ENROLL_STATE);
        assertThat(outcome.responseMsg()).isEqualTo("the KYC was rejected");
        assertThat(o.sent).isEmpty();
    }

    @Test
    void aConsumedKycIs78() {
        kyc(KycRecord.KycState.CONSUMED, ONBOARD.prdNo());
        assertThat(open().code()).isEqualTo(ResponseCode.DUPLICATE_REQUEST);
        assertThat(o.sent).isEmpty();
    }

    @Test
    void aKycOlderThanItsValidityIs95() {
        approvedKyc();
        cbsOpensTheAccount();
        o.f.clock.advance(OnboardingFixture.KYC_VALIDITY.plusSeconds(1));
        assertThat(open().code()).isEqualTo(ResponseCode.ENROLMENT_TIMED_OUT);
        assertThat(o.sent).isEmpty();
        o.f.clock.advance(Duration.ofSeconds(-1));
        assertThat(open().code()).isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void anotherDeviceOrUserThanTheKycsIs93() {
        approvedKyc();
        Outcome otherDevice = open(trx("deviceID", OTHER_DEVICE, "userID", USER, "origMsgID", KYC_MSG_ID,
                "origReferNo", REFER_NO));
        assertThat(otherDevice.code()).isEqualTo(ResponseCode.INVALID_ENROLL_STATE);
        assertThat(otherDevice.trxInfo().string("deviceID")).isEqualTo(OTHER_DEVICE);
        assertThat(open(trx("deviceID", DEVICE, "userID", "someone-else", "origMsgID", KYC_MSG_ID,
                "origReferNo", REFER_NO)).code()).isEqualTo(ResponseCode.INVALID_ENROLL_STATE);
        assertThat(o.sent).isEmpty();
    }

    @Test
    void aKycWhoseProductIsGoneIs89() {
        kyc(KycRecord.KycState.APPROVED, "9999");
        assertThat(open().code()).isEqualTo(ResponseCode.CARD_PROFILE_NOT_FOUND);
        assertThat(o.sent).isEmpty();
    }

    @Test
    void aProductWithoutOpenAccountIs40() {
        kyc(KycRecord.KycState.APPROVED, CLOSED.prdNo());
        assertThat(open().code()).isEqualTo(ResponseCode.NOT_SUPPORTED);
        assertThat(o.sent).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"REFER_TO_ISSUER", "CARDHOLDER_VERIFICATION_FAILED",
        "INVALID_CARD_NUMBER", "FORMAT_ERROR", "ISSUER_VALIDATION_ERROR", "ISSUER_DECLINED", "ISSUER_MAC_FAILED",
        "ISSUER_SYSTEM_ERROR"})
    void cbsRefusalsPassThroughAndLeaveTheKycUsable(ResponseCode code) {
        approvedKyc();
        o.cbsAnswers(OnboardingFixture.refused(code));
        Outcome outcome = open();
        assertThat(outcome.code()).isEqualTo(code);
        assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        assertThat(o.f.cards.allCards()).isEmpty();
        assertThat(o.kyc.byReferNo(REFER_NO).orElseThrow().state()).isEqualTo(KycRecord.KycState.APPROVED);
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"NETWORK_ERROR", "ISSUER_SYSTEM_ERROR", "TIMEOUT"})
    void aCallNeverSentAnswersItsCode(ResponseCode code) {
        approvedKyc();
        o.cbsAnswers(new CbsReply.NotSent(code, "circuit open"));
        assertThat(open().code()).isEqualTo(code);
        assertThat(o.kyc.byReferNo(REFER_NO).orElseThrow().state()).isEqualTo(KycRecord.KycState.APPROVED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "no-account-no", "12ab", "123", "not-an-object"})
    void anApprovalWithoutAUsableAccountIs91(String variant) {
        approvedKyc();
        TrxInfo answer = switch (variant) {
            case "none" -> TrxInfo.EMPTY;
            case "no-account-no" -> trx("accountInfo", trx("firstName", "chen"));
            case "not-an-object" -> trx("accountInfo", "eyJhbGciOi.x.y.z.w");
            default -> trx("accountInfo", trx("accountNo", variant));
        };
        o.cbsAnswers(OnboardingFixture.approved(answer));
        Outcome outcome = open();
        assertThat(outcome.code()).isEqualTo(ResponseCode.ISSUER_SYSTEM_ERROR);
        assertThat(o.f.cards.allCards()).isEmpty();
        assertThat(o.kyc.byReferNo(REFER_NO).orElseThrow().state()).isEqualTo(KycRecord.KycState.APPROVED);
    }

    @Test
    void missingOrMalformedRequestFieldsAre30() {
        approvedKyc();
        List<TrxInfo> bad = List.of(
                trx("userID", USER, "origMsgID", KYC_MSG_ID, "origReferNo", REFER_NO),
                trx("deviceID", DEVICE, "origMsgID", KYC_MSG_ID, "origReferNo", REFER_NO),
                trx("deviceID", DEVICE, "userID", USER, "origReferNo", REFER_NO),
                trx("deviceID", DEVICE, "userID", USER, "origMsgID", KYC_MSG_ID),
                trx("deviceID", DEVICE, "userID", USER, "origMsgID", "A39990061", "origReferNo", REFER_NO),
                trx("deviceID", DEVICE, "userID", USER, "origMsgID", KYC_MSG_ID + "-", "origReferNo", REFER_NO),
                trx("deviceID", DEVICE, "userID", USER, "origMsgID", KYC_MSG_ID, "origReferNo", "r".repeat(51)),
                trx("deviceID", DEVICE, "userID", USER, "origMsgID", KYC_MSG_ID, "origReferNo", REFER_NO,
                        "cvmAddtlDocums", "ABCDEFG"));
        for (TrxInfo trx : bad) {
            Outcome outcome = open(trx);
            assertThat(outcome.code()).as(trx.toString()).isEqualTo(ResponseCode.FORMAT_ERROR);
        }
        assertThat(open(bad.get(bad.size() - 1)).responseMsg()).isEqualTo("cvmAddtlDocums: must be an array");
        assertThat(o.sent).isEmpty();
    }
}
