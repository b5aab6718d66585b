package org.openscis.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.JweResult;

class SensitiveFieldsTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final SensitiveFields fields = new SensitiveFields(TestKeys.client(), JweProfile.RSA_OAEP_256_A128GCM,
            codec);

    /** What the switch reads from a JWE the client made. */
    private static String switchDecrypts(String jwe) {
        JweResult r = JweCodec.decrypt(jwe, kid -> TestKeys.SWITCH_ENCRYPTION_KID.equals(kid)
                ? TestKeys.SWITCH_ENCRYPTION.getPrivate() : null);
        assertThat(r).isInstanceOf(JweResult.Ok.class);
        return new String(((JweResult.Ok) r).plaintext(), StandardCharsets.UTF_8);
    }

    private static String jweHeader(String jwe) {
        return new String(Base64.getUrlDecoder().decode(jwe.substring(0, jwe.indexOf('.'))), StandardCharsets.UTF_8);
    }

    private static String toClient(String plaintext, String kid) {
        return JweCodec.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), TestKeys.CLIENT_ENCRYPTION.getPublic(),
                kid, JweProfile.RSA_OAEP_256_A128GCM);
    }

    @Test
    void structuredFieldsAreEncryptedAsCompactJsonToTheSwitch() {
        TrxInfo cvm = TrxInfo.builder().put("pan", "6233001234567890060").put("cvn2", "123").build();
        TrxInfo trx = TrxInfo.builder().put("deviceID", "d1").put("cvmInfo", cvm)
                .put("creditAccountInfo", "{ \"accountNo\" : \"0012\" }").put("debitAccountInfo", "plain text")
                .build();

        TrxInfo out = fields.encryptSensitiveFields(trx);

        assertThat(out.string("deviceID")).isEqualTo("d1");
        assertThat(out.names()).containsExactly("deviceID", "cvmInfo", "creditAccountInfo", "debitAccountInfo");
        assertThat(SensitiveFields.isCompactJwe(out.string("cvmInfo"))).isTrue();
        assertThat(switchDecrypts(out.string("cvmInfo"))).isEqualTo("{\"pan\":\"6233001234567890060\",\"cvn2\":\"123\"}");
        assertThat(switchDecrypts(out.string("creditAccountInfo"))).isEqualTo("{\"accountNo\":\"0012\"}");
        assertThat(switchDecrypts(out.string("debitAccountInfo"))).isEqualTo("plain text");
        assertThat(jweHeader(out.string("cvmInfo"))).contains("\"RSA-OAEP-256\"", "\"A128GCM\"",
                TestKeys.SWITCH_ENCRYPTION_KID);
    }

    @Test
    void theLegacyProfileCanBeChosen() {
        SensitiveFields legacy = new SensitiveFields(TestKeys.client(), JweProfile.RSA1_5_A128CBC_HS256, codec);

        TrxInfo out = legacy.encryptSensitiveFields(TrxInfo.builder().put("accountInfo",
                TrxInfo.builder().put("accountNo", "1").build()).build());

        assertThat(jweHeader(out.string("accountInfo"))).contains("\"RSA1_5\"", "\"A128CBC-HS256\"");
        assertThat(switchDecrypts(out.string("accountInfo"))).isEqualTo("{\"accountNo\":\"1\"}");
    }

    @Test
    void alreadyEncryptedOrAbsentFieldsAreLeftAlone() {
        String jwe = toClient("x", "k");
        TrxInfo trx = TrxInfo.builder().put("cvmInfo", jwe).put("pan", "6233001234567890060").build();

        assertThat(fields.encryptSensitiveFields(trx)).isSameAs(trx);
        assertThat(fields.encryptSensitiveFields(TrxInfo.EMPTY)).isSameAs(TrxInfo.EMPTY);
    }

    @Test
    void withoutTheSwitchKeyEncryptionIsRefusedClearly() {
        ClientIdentity c = TestKeys.client();
        ClientIdentity noKey = new ClientIdentity(c.insID(), c.signingKid(), c.signingKey(), c.encryptionKid(),
                c.encryptionKey(), c.switchSigningKid(), c.switchSigningKey(), null, null);
        SensitiveFields f = new SensitiveFields(noKey, JweProfile.RSA_OAEP_256_A128GCM, codec);

        assertThatThrownBy(() -> f.encryptSensitiveFields(TrxInfo.builder().put("cvmInfo", "x").build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cvmInfo");
    }

    @Test
    void responseFieldsAreDecryptedWithOurKey() {
        TrxInfo trx = TrxInfo.builder()
                .put("token", "6292610358444335641")
                .put("pan", toClient("6233001234567890060", TestKeys.CLIENT_ENCRYPTION_KID))
                .put("accountInfo", toClient("{\"accountNo\":\"0012\",\"firstName\":\"Mei\"}",
                        TestKeys.CLIENT_ENCRYPTION_KID))
                .put("cvmInfo", toClient("not json", TestKeys.CLIENT_ENCRYPTION_KID))
                .build();

        FieldDecryption d = fields.decryptResponseFields(trx);

        assertThat(d.ok()).isTrue();
        assertThat(d.trxInfo().string("pan")).isEqualTo("6233001234567890060");
        assertThat(d.trxInfo().object("accountInfo").string("firstName")).isEqualTo("Mei");
        assertThat(d.trxInfo().string("cvmInfo")).isEqualTo("not json");
        assertThat(d.trxInfo().string("token")).isEqualTo("6292610358444335641");
        assertThat(trx.string("pan")).startsWith("eyJ");
    }

    @Test
    void undecryptableFieldsAreReportedAndKept() {
        String otherKid = toClient("6233001234567890060", "someone-else");
        String garbage = "eyJhbGciOiJSU0ExXzUifQ.AAAA.AAAA.AAAA.AAAA";
        TrxInfo trx = TrxInfo.builder().put("pan", otherKid).put("accountInfo", garbage).build();

        FieldDecryption d = fields.decryptResponseFields(trx);

        assertThat(d.ok()).isFalse();
        assertThat(d.failures()).containsOnlyKeys("pan", "accountInfo");
        assertThat(d.failures().get("pan")).startsWith("UNKNOWN_KID");
        assertThat(d.trxInfo().string("pan")).isEqualTo(otherKid);
        assertThat(d.trxInfo().string("accountInfo")).isEqualTo(garbage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b.c.d.e", "eyJ.AA.AA.AA.AA", "a..c.d.e"})
    void recognisesCompactJwe(String value) {
        assertThat(SensitiveFields.isCompactJwe(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a.b.c.d", "a.b.c.d.e.f", "{\"a\":1}", "a.b.c.d.e=", ".b.c.d.e", "6233001234567890"})
    void rejectsWhatIsNotCompactJwe(String value) {
        assertThat(SensitiveFields.isCompactJwe(value)).isFalse();
    }
}
