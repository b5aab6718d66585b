package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.DEBIT;
import static org.openscis.router.testing.RouterFixture.DEVICE;
import static org.openscis.router.testing.RouterFixture.USER;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.JweResult;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.testing.CardDataLeaks;
import org.openscis.router.testing.JoseFieldCrypto;
import org.openscis.router.testing.RouterFixture;
import org.openscis.router.testing.TestKeys;

/** CARD_ENROLLMENT end to end with real JWE in both directions (decisions.md §3). */
class CardEnrollmentRealJweTest {

    private static final String SWITCH_ENC_KID = "1562032885962";

    private final OnboardingFixture o = new OnboardingFixture();
    private final RouterFixture f = o.f;
    private final KeyPair switchEnc = TestKeys.rsa("switch-enc", 2048);
    private final KeyPair walletEnc = TestKeys.rsa("wallet-enc", 2048);
    private final CardEnrollmentHandler handler = new CardEnrollmentHandler(f.catalog, f.cards, f.attempts, f.secrets,
            new JoseFieldCrypto(Map.of(SWITCH_ENC_KID, switchEnc.getPrivate())), f.json, f.clock, o.cbs);
    private final String pan = RouterFixture.pan(DEBIT, "8080");

    private Outcome enroll(String cvmInfo) {
        return run(handler, f.request(MessageType.CARD_ENROLLMENT,
                trx("deviceID", DEVICE, "userID", USER, "prdNo", DEBIT.prdNo(), "cvmInfo", cvmInfo)));
    }

    private String cvmJson() {
        return "{\"pan\":\"" + pan + "\",\"expiryDate\":\"09/28\",\"cvn2\":\"" + f.secrets.cvn2(pan, "2809") + "\"}";
    }

    @ParameterizedTest
    @EnumSource(JweProfile.class)
    void decryptsCvmInfoAndEncryptsThePanToTheWallet(JweProfile clientProfile) {
        f.card("C-REAL", pan, "2809");
        String cvmInfo = JweCodec.encrypt(cvmJson().getBytes(StandardCharsets.UTF_8), switchEnc.getPublic(),
                SWITCH_ENC_KID, clientProfile);

        Outcome outcome = enroll(cvmInfo);

        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        String sealedPan = outcome.trxInfo().string("pan");
        assertThat(sealedPan.split("\\.", -1)).hasSize(5);
        JweResult opened = JweCodec.decrypt(sealedPan,
                kid -> ("kid-" + RouterFixture.WALLET_ID).equals(kid) ? walletEnc.getPrivate() : null);
        assertThat(opened).isInstanceOf(JweResult.Ok.class);
        assertThat(new String(((JweResult.Ok) opened).plaintext(), StandardCharsets.UTF_8)).isEqualTo(pan);
        CardDataLeaks.assertNoCardData(outcome, pan);
    }

    @Test
    void anUnknownKidIsA0() {
        f.card("C-REAL", pan, "2809");
        String cvmInfo = JweCodec.encrypt(cvmJson().getBytes(StandardCharsets.UTF_8), switchEnc.getPublic(),
                "999", JweProfile.RSA_OAEP_256_A128GCM);
        assertThat(enroll(cvmInfo).code()).isEqualTo(ResponseCode.SIGNATURE_FAILURE);
    }

    @Test
    void theRightKidOnTheWrongKeyIsA0() {
        f.card("C-REAL", pan, "2809");
        String cvmInfo = JweCodec.encrypt(cvmJson().getBytes(StandardCharsets.UTF_8), walletEnc.getPublic(),
                SWITCH_ENC_KID, JweProfile.RSA_OAEP_256_A128GCM);
        assertThat(enroll(cvmInfo).code()).isEqualTo(ResponseCode.SIGNATURE_FAILURE);
    }

    @Test
    void aTamperedJweIsA0() {
        f.card("C-REAL", pan, "2809");
        String cvmInfo = JweCodec.encrypt(cvmJson().getBytes(StandardCharsets.UTF_8), switchEnc.getPublic(),
                SWITCH_ENC_KID, JweProfile.RSA_OAEP_256_A128GCM);
        String[] parts = cvmInfo.split("\\.", -1);
        char c = parts[3].charAt(0);
        parts[3] = (c == 'A' ? 'B' : 'A') + parts[3].substring(1);
        assertThat(enroll(String.join(".", parts)).code()).isEqualTo(ResponseCode.SIGNATURE_FAILURE);
    }
}
