package org.openscis.router.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openscis.router.handler.HandlerTesting.run;
import static org.openscis.router.testing.Requests.trx;
import static org.openscis.router.testing.RouterFixture.WALLET_ID;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openscis.codec.ResponseCode;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.testing.RouterFixture;
import org.openscis.router.testing.TestKeys;

class KeyExchangeHandlerTest {

    private final RouterFixture f = new RouterFixture();
    private final KeyExchangeHandler handler = new KeyExchangeHandler(f.keys, f.switchKeys);

    private final PublicKey signKey = TestKeys.rsa("wallet-sign-2", 2048).getPublic();
    private final PublicKey encKey = TestKeys.rsa("wallet-enc-2", 2048).getPublic();

    private static String der(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private Outcome exchange(TrxInfo trx) {
        return run(handler, f.request(MessageType.KEY_EXCHANGE, trx));
    }

    @Test
    void registersBothKeysAndAnswersWithTheSwitchKeys() {
        Outcome outcome = exchange(trx("insSignCertID", "1560936206999", "insSignPublicKey", der(signKey),
                "insEncCertID", "1562032885999", "insEncPublickey", der(encKey)));
        assertThat(outcome.code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(f.keys.signingKey(WALLET_ID, "1560936206999")).contains(signKey);
        assertThat(f.keys.encryptionKey(WALLET_ID, "1562032885999")).contains(encKey);
        assertThat(f.keys.currentEncryptionKid(WALLET_ID)).contains("1562032885999");

        TrxInfo t = outcome.trxInfo();
        assertThat(t.names()).containsExactly("upiSignCertID", "upiSignPublicKey", "upiEncCertID", "upiEncPublicKey");
        assertThat(t.string("upiSignCertID")).isEqualTo(f.switchKeys.signingKid());
        assertThat(t.string("upiSignPublicKey")).isEqualTo(der(f.switchKeys.signingPublicKey()));
        assertThat(t.string("upiEncCertID")).isEqualTo(f.switchKeys.encryptionKid());
        assertThat(t.string("upiEncPublicKey")).isEqualTo(der(f.switchKeys.encryptionPublicKey()));
    }

    @Test
    void oneKeyAloneIsEnough() {
        assertThat(exchange(trx("insSignCertID", "S1", "insSignPublicKey", der(signKey))).code())
                .isEqualTo(ResponseCode.APPROVED);
        assertThat(f.keys.currentEncryptionKid(WALLET_ID)).isEmpty();
        // the capital-K spelling is accepted too
        assertThat(exchange(trx("insEncCertID", "E1", "insEncPublicKey", der(encKey))).code())
                .isEqualTo(ResponseCode.APPROVED);
        assertThat(f.keys.encryptionKey(WALLET_ID, "E1")).contains(encKey);
    }

    @Test
    void ecP256KeysAreAccepted() {
        PublicKey ec = TestKeys.ecP256("wallet-ec").getPublic();
        assertThat(exchange(trx("insSignCertID", "EC1", "insSignPublicKey", der(ec))).code())
                .isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void sendingTheSameKidAndKeyAgainIsFine() {
        TrxInfo trx = trx("insSignCertID", "S1", "insSignPublicKey", der(signKey), "insEncCertID", "E1",
                "insEncPublickey", der(encKey));
        assertThat(exchange(trx).code()).isEqualTo(ResponseCode.APPROVED);
        assertThat(exchange(trx).code()).isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void aSigningKidClashIs78AndChangesNothing() {
        f.keys.addSigningKey(WALLET_ID, "S1", encKey);
        Outcome outcome = exchange(trx("insSignCertID", "S1", "insSignPublicKey", der(signKey), "insEncCertID", "E1",
                "insEncPublickey", der(encKey)));
        assertThat(outcome.code()).isEqualTo(ResponseCode.DUPLICATE_REQUEST);
        assertThat(f.keys.signingKey(WALLET_ID, "S1")).contains(encKey);
        assertThat(f.keys.encryptionKey(WALLET_ID, "E1")).isEmpty();
    }

    @Test
    void anEncryptionKidClashIs78AndChangesNothing() {
        f.keys.addEncryptionKey(WALLET_ID, "E1", signKey);
        Outcome outcome = exchange(trx("insSignCertID", "S1", "insSignPublicKey", der(signKey), "insEncCertID", "E1",
                "insEncPublickey", der(encKey)));
        assertThat(outcome.code()).isEqualTo(ResponseCode.DUPLICATE_REQUEST);
        assertThat(f.keys.signingKey(WALLET_ID, "S1")).isEmpty();
    }

    @Test
    void kidsAreScopedToTheParticipant() {
        f.keys.addSigningKey(RouterFixture.OTHER_WALLET_ID, "S1", encKey);
        assertThat(exchange(trx("insSignCertID", "S1", "insSignPublicKey", der(signKey))).code())
                .isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void noKeyAtAllIs30() {
        assertThat(exchange(TrxInfo.EMPTY).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(exchange(trx("somethingElse", "x")).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
    }

    @Test
    void halfAPairIs30() {
        assertThat(exchange(trx("insSignCertID", "S1")).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(exchange(trx("insSignPublicKey", der(signKey))).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(exchange(trx("insEncCertID", "E1")).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(exchange(trx("insEncPublickey", der(encKey))).code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(exchange(trx("insSignCertID", "S1", "insSignPublicKey", der(signKey), "insEncCertID", "E1")).code())
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(f.keys.signingKey(WALLET_ID, "S1")).isEmpty();
    }

    @Test
    void malformedKidsAre30() {
        assertThat(exchange(trx("insSignCertID", "S-1", "insSignPublicKey", der(signKey))).code())
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(exchange(trx("insSignCertID", "1".repeat(41), "insSignPublicKey", der(signKey))).code())
                .isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(exchange(trx("insSignCertID", new BigDecimal("1560936206326"), "insSignPublicKey", der(signKey)))
                .code()).isEqualTo(ResponseCode.FORMAT_ERROR);
    }

    @Test
    void unreadableKeysAre30() {
        Outcome notBase64 = exchange(trx("insSignCertID", "S1", "insSignPublicKey", "not base64 !"));
        assertThat(notBase64.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(notBase64.responseMsg()).startsWith("insSignPublicKey");
        Outcome notDer = exchange(trx("insEncCertID", "E1", "insEncPublickey",
                Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.US_ASCII))));
        assertThat(notDer.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(f.keys.currentEncryptionKid(WALLET_ID)).isEmpty();
    }

    @Test
    void weakKeysAre30() {
        PublicKey weak = TestKeys.rsa("weak", 1024).getPublic();
        Outcome outcome = exchange(trx("insSignCertID", "S1", "insSignPublicKey", der(weak)));
        assertThat(outcome.code()).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(outcome.responseMsg()).contains("2048");
        assertThat(f.keys.signingKey(WALLET_ID, "S1")).isEmpty();
    }
}
