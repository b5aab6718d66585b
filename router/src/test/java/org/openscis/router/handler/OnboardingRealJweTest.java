package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.handler.OnboardingFixture.ONBOARD;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.JweResult;
import org.openscis.router.HandlerRegistry;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;
import org.openscis.router.port.CbsReply;
import org.openscis.router.testing.CardDataLeaks;
import org.openscis.router.testing.JoseFieldCrypto;
import org.openscis.router.testing.RouterFixture;
import org.openscis.router.testing.TestKeys;

/**
 * The onboarding journey through the wired handlers with real JWE in both directions: KYC_VERIFICATION with an
 * encrypted {@code cvmInfo}, OPEN_ACCOUNT returning the PAN encrypted to the wallet, then CARD_BALANCE_INQUIRY before
 * and after an ACCOUNT_UPDATE_NOTIFICATION.
 */
class OnboardingRealJweTest {

    private static final String SWITCH_ENC_KID = "1562032885962";
    private static final String ACCOUNT = "100000000777";
    private static final String CVM = "{\"firstName\":\"chen\",\"lastName\":\"kai\",\"idType\":\"ID card\","
            + "\"idNo\":\"1234567890\",\"idCountry\":\"156\"}";

    private final OnboardingFixture o = new OnboardingFixture();
    private final RouterFixture f = o.f;
    private final KeyPair switchEnc = TestKeys.rsa("switch-enc", 2048);
    private final KeyPair walletEnc = TestKeys.rsa("wallet-enc", 2048);
    private final HandlerRegistry registry = Handlers.registerAll(new HandlerRegistry(), OnboardingHandlers.handlers(
            new HandlerPorts(o.catalog, f.cards, f.attempts, f.secrets,
                    new JoseFieldCrypto(Map.of(SWITCH_ENC_KID, switchEnc.getPrivate())), f.keys, f.switchKeys, f.json,
                    f.clock),
            o.money()));

    private Outcome send(Request request) {
        return run(registry.find(request.type()).orElseThrow(), request);
    }

    private String sealed(String json, String kid) {
        return JweCodec.encrypt(json.getBytes(StandardCharsets.UTF_8), switchEnc.getPublic(), kid,
                JweProfile.RSA_OAEP_256_A128GCM);
    }

    /** A CBS that approves the KYC, opens {@link #ACCOUNT} and reports 250.00 available on it. */
    private CbsReply cbs(org.openscis.router.port.CbsCall call) {
        return switch (call.operation()) {
            case KYC_VERIFICATION -> OnboardingFixture.approved(trx("referNo", call.trxInfo().string("referNo")));
            case OPEN_ACCOUNT -> OnboardingFixture.approved(trx("accountInfo", trx("accountNo", ACCOUNT,
                    "accountStatus", "ACTIVE", "accountTier", "1"), "referNo", call.trxInfo().string("referNo")));
            case ACCOUNT_BALANCE_INQUIRY -> OnboardingFixture.approved(trx("balList", List.of(
                    trx("balType", "AVAILABLE", "balAmt", "250", "balCurrency", "156")), "accountTier", "1"));
            default -> throw new AssertionError("unexpected " + call);
        };
    }

    @Test
    void kycOpenAccountBalanceAndTierUpdate() {
        o.cbsAnswers(this::cbs);

        Request kycRequest = f.request(MessageType.KYC_VERIFICATION, trx("deviceID", DEVICE, "userID", USER,
                "prdNo", ONBOARD.prdNo(), "cvmInfo", sealed(CVM, SWITCH_ENC_KID)));
        Outcome kyc = send(kycRequest);
        assertThat(kyc.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(o.sent.get(0).call().trxInfo().object("cvmInfo")).isEqualTo(f.json.decodeObject(
                CVM.getBytes(StandardCharsets.UTF_8)));
        String referNo = kyc.trxInfo().string("referNo");

        Outcome opened = send(f.request(MessageType.OPEN_ACCOUNT, trx("deviceID", DEVICE, "userID", USER,
                "origMsgID", kycRequest.msgInfo().msgID(), "origReferNo", referNo)));
        assertThat(opened.code()).isEqualTo(ResponseCode.APPROVED);
        String sealedPan = opened.trxInfo().string("pan");
        assertThat(sealedPan.split("\\.", -1)).hasSize(5);
        JweResult pan = JweCodec.decrypt(sealedPan,
                kid -> ("kid-" + WALLET_ID).equals(kid) ? walletEnc.getPrivate() : null);
        assertThat(pan).isInstanceOf(JweResult.Ok.class);
        String clearPan = new String(((JweResult.Ok) pan).plaintext(), StandardCharsets.UTF_8);
        assertThat(f.cards.allCards()).singleElement().satisfies(c -> {
            assertThat(c.pan()).isEqualTo(clearPan);
            assertThat(c.accountNo()).isEqualTo(ACCOUNT);
        });
        CardDataLeaks.assertNoCardData(opened, clearPan, ACCOUNT);
        String token = opened.trxInfo().string("token");

        TrxInfo inquiry = trx("deviceID", DEVICE, "userID", USER, "token", token);
        Outcome balance = send(f.request(MessageType.CARD_BALANCE_INQUIRY, inquiry));
        assertThat(balance.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(balance.trxInfo().string("balAmt")).isEqualTo("250.00");
        assertThat(balance.trxInfo().string("accountTier")).isEqualTo("1");

        assertThat(send(f.request(MessageType.ACCOUNT_UPDATE_NOTIFICATION, trx("token", token, "accountTier", "2",
                "referNo", referNo))).code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(send(f.request(MessageType.CARD_BALANCE_INQUIRY, inquiry)).trxInfo().string("accountTier"))
                .isEqualTo("2");

        assertThat(send(f.request(MessageType.OPEN_ACCOUNT, trx("deviceID", DEVICE, "userID", USER,
                "origMsgID", kycRequest.msgInfo().msgID(), "origReferNo", referNo))).code())
                .isEqualTo(ResponseCode.DUPLICATE_REQUEST);
    }

    @Test
    void aKycEncryptedToAnUnknownKidOrTamperedIsA0() {
        String unknownKid = sealed(CVM, "999");
        String[] parts = sealed(CVM, SWITCH_ENC_KID).split("\\.", -1);
        parts[3] = (parts[3].charAt(0) == 'A' ? 'B' : 'A') + parts[3].substring(1);
        for (String cvmInfo : List.of(unknownKid, String.join(".", parts))) {
            Outcome outcome = send(f.request(MessageType.KYC_VERIFICATION, trx("deviceID", DEVICE, "userID", USER,
                    "prdNo", ONBOARD.prdNo(), "cvmInfo", cvmInfo)));
            assertThat(outcome.code()).isEqualTo(ResponseCode.SIGNATURE_FAILURE);
        }
        assertThat(o.sent).isEmpty();
        assertThat(o.kyc.all()).isEmpty();
    }
}
