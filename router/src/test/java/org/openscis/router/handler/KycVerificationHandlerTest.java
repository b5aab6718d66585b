package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.handler.OnboardingFixture.ONBOARD;
import static org.openscis.router.handler.OnboardingFixture.OTHER_ISSUER;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.CLOSED;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.Envelope;
import org.openscis.codec.envelope.MsgInfo;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CbsOperation;
import org.openscis.router.port.CbsReply;
import org.openscis.router.port.KycRecord;
import org.openscis.router.testing.FakeFieldCrypto;
import org.openscis.router.testing.LogCapture;

class KycVerificationHandlerTest {

    private static final String ID_NO = "4401234567890123";
    private static final String CVM = "{\"firstName\":\"chen\",\"lastName\":\"kai\",\"idType\":\"ID card\",\"idNo\":\""
            + ID_NO + "\",\"idCountry\":\"156\",\"accountNo\":\"100000001\"}";

    private final OnboardingFixture o = new OnboardingFixture();
    private final KycVerificationHandler handler = new KycVerificationHandler(o.catalog, o.f.crypto, o.f.json, o.kyc,
            o.ids, o.cbs, o.f.clock);

    private Outcome verify(String cvmJson, String prdNo) {
        return verifyRaw(FakeFieldCrypto.sealForSwitch(cvmJson), prdNo);
    }

    private Outcome verifyRaw(String cvmInfo, String prdNo) {
        return run(handler, o.f.request(MessageType.KYC_VERIFICATION,
                trx("deviceID", DEVICE, "userID", USER, "cvmInfo", cvmInfo, "prdNo", prdNo)));
    }

    @Test
    void forwardsTheKycAndStoresTheApproval() {
        Outcome outcome;
        Request request = o.f.request(MessageType.KYC_VERIFICATION, trx("deviceID", DEVICE, "userID", USER,
                "cvmInfo", FakeFieldCrypto.sealForSwitch(CVM), "prdNo", ONBOARD.prdNo(), "referNo", "wallet-ref-1"));
        o.cbsAnswers(OnboardingFixture.approved(trx("referNo", "cbs-own-ref")));
        try (LogCapture log = new LogCapture()) {
            outcome = run(handler, request);
            assertThat(log.lines()).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).doesNotContain(ID_NO).doesNotContain("chen"));
        }

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(outcome.trxInfo().names()).containsExactly("deviceID", "referNo");
        assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        String referNo = outcome.trxInfo().string("referNo");
        assertThat(referNo).isEqualTo("119771");

        OnboardingFixture.Sent sent = o.onlyCall();
        assertThat(sent.issuerIin()).isEqualTo(ONBOARD.issuerIin());
        assertThat(sent.deadline()).isEqualTo(o.f.clock.instant().plus(OnboardingFixture.CBS_TIMEOUT));
        assertThat(sent.call().operation()).isEqualTo(CbsOperation.KYC_VERIFICATION);
        assertThat(sent.call().cbsMsgId()).hasSize(29).startsWith("U" + ONBOARD.issuerIin() + "20250615100000");
        TrxInfo cbsTrx = sent.call().trxInfo();
        assertThat(cbsTrx.names()).containsExactly("insPrd", "userID", "deviceID", "cvmInfo", "referNo");
        assertThat(cbsTrx.string("insPrd")).isEqualTo(ONBOARD.prdNo());
        assertThat(cbsTrx.string("userID")).isEqualTo(USER);
        assertThat(cbsTrx.string("deviceID")).isEqualTo(DEVICE);
        assertThat(cbsTrx.object("cvmInfo")).isEqualTo(o.f.json.decodeObject(CVM.getBytes()));
        assertThat(cbsTrx.string("referNo")).isEqualTo(referNo);

        KycRecord stored = o.kyc.byReferNo(referNo).orElseThrow();
        assertThat(stored.state()).isEqualTo(KycRecord.KycState.APPROVED);
        assertThat(stored.insId()).isEqualTo(WALLET_ID);
        assertThat(stored.kycMsgId()).isEqualTo(request.msgInfo().msgID());
        assertThat(stored.issuerIin()).isEqualTo(ONBOARD.issuerIin());
        assertThat(stored.prdNo()).isEqualTo(ONBOARD.prdNo());
        assertThat(stored.deviceId()).isEqualTo(DEVICE);
        assertThat(stored.userId()).isEqualTo(USER);
        assertThat(stored.cvmInfo().string("idNo")).isEqualTo(ID_NO);
        assertThat(stored.openingCbsMsgId()).isNull();
        assertThat(stored.createdAt()).isEqualTo(o.f.clock.instant());
        assertThat(stored.consumedAt()).isNull();
    }

    @Test
    void withoutPrdNoTheParticipantsDefaultProductIsUsed() {
        o.catalog.defaultProduct(WALLET_ID, OTHER_ISSUER);
        Outcome outcome = verify("{\"lastName\":\"kai\"}", null);
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(o.onlyCall().issuerIin()).isEqualTo(OTHER_ISSUER.issuerIin());
        assertThat(o.onlyCall().call().trxInfo().string("insPrd")).isEqualTo(OTHER_ISSUER.prdNo());
        assertThat(o.kyc.all()).singleElement().extracting(KycRecord::prdNo).isEqualTo(OTHER_ISSUER.prdNo());
    }

    @Test
    void noDefaultProductIs89() {
        Outcome outcome = verify(CVM, null);
        assertThat(outcome.code()).isEqualTo(ResponseCode.CARD_PROFILE_NOT_FOUND);
        assertThat(outcome.responseMsg()).isEqualTo("no card product is configured for KYC");
        assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        assertThat(o.sent).isEmpty();
    }

    @Test
    void unknownPrdNoIs89() {
        assertThat(verify(CVM, "9999").code()).isEqualTo(ResponseCode.CARD_PROFILE_NOT_FOUND);
        assertThat(o.sent).isEmpty();
    }

    @Test
    void aProductWithoutKycIs40() {
        assertThat(verify(CVM, CLOSED.prdNo()).code()).isEqualTo(ResponseCode.NOT_SUPPORTED);
        assertThat(o.sent).isEmpty();
    }

    @Test
    void aRejectionIsStoredWithoutTheKycDataAndAnswered05() {
        o.cbsAnswers(OnboardingFixture.refused(ResponseCode.CARDHOLDER_VERIFICATION_FAILED));
        Outcome outcome = verify(CVM, ONBOARD.prdNo());
        assertThat(outcome.code()).isEqualTo(ResponseCode.CARDHOLDER_VERIFICATION_FAILED);
        assertThat(outcome.responseMsg()).isEqualTo("KYC rejected by the issuer");
        assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        KycRecord stored = o.kyc.all().get(0);
        assertThat(stored.state()).isEqualTo(KycRecord.KycState.REJECTED);
        assertThat(stored.cvmInfo()).isEqualTo(TrxInfo.EMPTY);
        assertThat(stored.referNo()).isEqualTo(o.onlyCall().call().trxInfo().string("referNo"));
        assertThat(outcome.trxInfo().string("referNo")).as("the App Gateway can name the rejected KYC")
                .isEqualTo(stored.referNo());
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"REFER_TO_ISSUER", "INVALID_CARD_NUMBER", "FORMAT_ERROR",
        "INSUFFICIENT_BALANCE", "ISSUER_VALIDATION_ERROR", "ISSUER_DECLINED", "ISSUER_MAC_FAILED", "OTP_EXPIRED",
        "ISSUER_SYSTEM_ERROR"})
    void otherCbsCodesPassThroughAndNothingIsStored(ResponseCode code) {
        o.cbsAnswers(OnboardingFixture.refused(code));
        Outcome outcome = verify(CVM, ONBOARD.prdNo());
        assertThat(outcome.code()).isEqualTo(code);
        assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        assertThat(o.kyc.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"NETWORK_ERROR", "ISSUER_SYSTEM_ERROR", "TIMEOUT"})
    void aCallNeverSentAnswersItsCode(ResponseCode code) {
        o.cbsAnswers(new CbsReply.NotSent(code, "link down"));
        assertThat(verify(CVM, ONBOARD.prdNo()).code()).isEqualTo(code);
        assertThat(o.kyc.all()).isEmpty();
    }

    @Test
    void noAnswerIs91AndNothingIsStoredSoTheKycCanBeSentAgain() {
        o.cbsAnswers(new CbsReply.NoAnswer("read timeout"));
        Outcome outcome = verify(CVM, ONBOARD.prdNo());
        assertThat(outcome.code()).isEqualTo(ResponseCode.ISSUER_SYSTEM_ERROR);
        assertThat(outcome.responseMsg()).isEqualTo("no answer from the issuer's core banking system");
        assertThat(o.kyc.all()).isEmpty();

        o.cbsAnswers(OnboardingFixture.approved(TrxInfo.EMPTY));
        assertThat(verify(CVM, ONBOARD.prdNo()).code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(o.sent).hasSize(2);
        assertThat(o.sent.get(0).call().cbsMsgId()).isNotEqualTo(o.sent.get(1).call().cbsMsgId());
    }

    @Test
    void completesWhenTheCbsAnswersLater() throws Exception {
        CompletableFuture<CbsReply> reply = new CompletableFuture<>();
        o.cbsStages(call -> reply);
        CompletionStage<Outcome> stage = handler.handle(o.f.request(MessageType.KYC_VERIFICATION,
                trx("deviceID", DEVICE, "userID", USER, "cvmInfo", FakeFieldCrypto.sealForSwitch(CVM),
                        "prdNo", ONBOARD.prdNo())));
        assertThat(stage.toCompletableFuture()).isNotDone();
        assertThat(o.kyc.all()).isEmpty();
        reply.complete(OnboardingFixture.approved(TrxInfo.EMPTY));
        assertThat(stage.toCompletableFuture().get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(o.kyc.all()).hasSize(1);
    }

    @Test
    void aMsgIdThatAlreadyHasADecisionIs78() {
        MsgInfo msgInfo = new MsgInfo("1.0.0", "A3999006120250615100000999999", "20250615100000",
                "KYC_VERIFICATION", WALLET_ID);
        o.kyc.put(new KycRecord("555", WALLET_ID, msgInfo.msgID(), ONBOARD.issuerIin(), ONBOARD.prdNo(), DEVICE, USER,
                TrxInfo.EMPTY, KycRecord.KycState.APPROVED, null, o.f.clock.instant(), null));
        Request request = new Request(MessageType.KYC_VERIFICATION, Envelope.request(msgInfo, trx("deviceID", DEVICE,
                "userID", USER, "cvmInfo", FakeFieldCrypto.sealForSwitch(CVM), "prdNo", ONBOARD.prdNo())),
                o.f.wallet, o.f.clock.instant());
        Outcome outcome = run(handler, request);
        assertThat(outcome.code()).isEqualTo(ResponseCode.DUPLICATE_REQUEST);
        assertThat(o.kyc.all()).hasSize(1);
    }

    @Test
    void aReferNoHandedOutTwiceIs96() {
        o.kyc.put(new KycRecord("777", WALLET_ID, "A-other-msg-id-0000001", ONBOARD.issuerIin(), ONBOARD.prdNo(),
                DEVICE, USER, TrxInfo.EMPTY, KycRecord.KycState.APPROVED, null, o.f.clock.instant(), null));
        o.ids.nextReferNos("777");
        Outcome outcome = verify(CVM, ONBOARD.prdNo());
        assertThat(outcome.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(o.kyc.all()).hasSize(1);
    }

    @Test
    void aRejectionThatCannotBeStoredIsStill05() {
        o.kyc.put(new KycRecord("777", WALLET_ID, "A-other-msg-id-0000001", ONBOARD.issuerIin(), ONBOARD.prdNo(),
                DEVICE, USER, TrxInfo.EMPTY, KycRecord.KycState.APPROVED, null, o.f.clock.instant(), null));
        o.ids.nextReferNos("777");
        o.cbsAnswers(OnboardingFixture.refused(ResponseCode.CARDHOLDER_VERIFICATION_FAILED));
        Outcome outcome = verify(CVM, ONBOARD.prdNo());
        assertThat(outcome.code()).isEqualTo(ResponseCode.CARDHOLDER_VERIFICATION_FAILED);
        assertThat(outcome.trxInfo().string("referNo")).as("a reference nothing is stored under").isNull();
    }

    @Test
    void aJweThatCannotBeDecryptedIsA0() {
        for (String bad : List.of("fakejwe-badkid.e30", "fakejwe-tampered.e30", "not-a-jwe")) {
            Outcome outcome = verifyRaw(bad, ONBOARD.prdNo());
            assertThat(outcome.code()).isEqualTo(ResponseCode.SIGNATURE_FAILURE);
            assertThat(outcome.responseMsg()).startsWith("cvmInfo");
            assertThat(outcome.trxInfo().string("deviceID")).isEqualTo(DEVICE);
        }
        assertThat(o.sent).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "\"text\"", "{\"idNo\":", "{\"sub\":\"not json\"}"})
    void contentThatIsNotAJsonObjectIs30(String content) {
        Outcome outcome = verify(content, ONBOARD.prdNo());
        assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(outcome.responseMsg()).isEqualTo("cvmInfo: content is not a JSON object");
    }

    @Test
    void theLegacySubClaimIsUnwrapped() {
        Outcome outcome = verify("{\"sub\":\"" + CVM.replace("\"", "\\\"") + "\"}", ONBOARD.prdNo());
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(o.onlyCall().call().trxInfo().object("cvmInfo").string("idNo")).isEqualTo(ID_NO);
    }

    @Test
    void aRequiredCvmFieldMissingOrNotTextIs30() {
        Outcome missing = verify("{\"firstName\":\"chen\",\"lastName\":\"kai\",\"idType\":\"ID card\","
                + "\"idCountry\":\"156\"}", ONBOARD.prdNo());
        assertThat(missing.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(missing.responseMsg()).isEqualTo("cvmInfo.idNo: is missing");

        Outcome notText = verify(CVM.replace("\"idCountry\":\"156\"", "\"idCountry\":156"), ONBOARD.prdNo());
        assertThat(notText.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(notText.responseMsg()).isEqualTo("cvmInfo.idCountry: must be non-empty text");

        Outcome blank = verify(CVM.replace("\"lastName\":\"kai\"", "\"lastName\":\" \""), ONBOARD.prdNo());
        assertThat(blank.responseMsg()).isEqualTo("cvmInfo.lastName: must be non-empty text");
        assertThat(o.sent).isEmpty();
    }

    @Test
    void missingOrMalformedRequestFieldsAre30() {
        String cvm = FakeFieldCrypto.sealForSwitch(CVM);
        List<TrxInfo> bad = List.of(
                trx("userID", USER, "cvmInfo", cvm),
                trx("deviceID", DEVICE, "cvmInfo", cvm),
                trx("deviceID", DEVICE, "userID", USER),
                trx("deviceID", DEVICE, "userID", USER, "cvmInfo", cvm, "prdNo", "30-01"),
                trx("deviceID", DEVICE, "userID", USER, "cvmInfo", cvm, "referNo", "r".repeat(51)),
                trx("deviceID", DEVICE, "userID", USER, "cvmInfo", 42));
        for (TrxInfo trx : bad) {
            Outcome outcome = run(handler, o.f.request(MessageType.KYC_VERIFICATION, trx));
            assertThat(outcome.code()).as(trx.toString()).isEqualTo(ResponseCode.FORMAT_ERROR);
        }
        assertThat(o.sent).isEmpty();
    }
}
