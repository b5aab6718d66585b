package org.openscis.codec.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openscis.codec.jose.JweResult.Failure;

class JweCodecTest {

    private static final String RSA_KID = "1562032885962";
    private static final String EC_KID = "3185569896925184";
    private static final byte[] CVM_INFO = "{\"cvn2\":\"123\",\"expiryDate\":\"2912\"}".getBytes(StandardCharsets.UTF_8);
    private static final Function<String, PrivateKey> KEYS =
            Map.of(RSA_KID, TestKeys.RSA.getPrivate(), EC_KID, TestKeys.EC.getPrivate())::get;

    private static byte[] plaintext(JweResult result) {
        assertThat(result).isInstanceOf(JweResult.Ok.class);
        return ((JweResult.Ok) result).plaintext();
    }

    private static Failure failure(JweResult result) {
        assertThat(result).isInstanceOf(JweResult.Failed.class);
        return ((JweResult.Failed) result).failure();
    }

    private static JWEHeader headerOf(String compact) throws Exception {
        return JWEObject.parse(compact).getHeader();
    }

    /** Encrypts with nimbus directly, as a foreign client would. */
    private static String nimbus(JWEHeader header, JWEEncrypter encrypter) throws Exception {
        JWEObject jwe = new JWEObject(header, new Payload(CVM_INFO));
        jwe.encrypt(encrypter);
        return jwe.serialize();
    }

    private static RSAEncrypter rsaEncrypter() {
        return new RSAEncrypter((RSAPublicKey) TestKeys.RSA.getPublic());
    }

    @ParameterizedTest
    @EnumSource(JweProfile.class)
    void rsaRoundTripForEveryProfile(JweProfile profile) throws Exception {
        String compact = JweCodec.encrypt(CVM_INFO, TestKeys.RSA.getPublic(), RSA_KID, profile);

        JweResult result = JweCodec.decrypt(compact, KEYS);

        assertThat(plaintext(result)).isEqualTo(CVM_INFO);
        assertThat(((JweResult.Ok) result).kid()).isEqualTo(RSA_KID);
        JWEHeader header = headerOf(compact);
        assertThat(header.getKeyID()).isEqualTo(RSA_KID);
        assertThat(header.getAlgorithm() + "/" + header.getEncryptionMethod()).isEqualTo(switch (profile) {
            case RSA_OAEP_256_A128GCM -> "RSA-OAEP-256/A128GCM";
            case RSA_OAEP_256_A256GCM -> "RSA-OAEP-256/A256GCM";
            case RSA1_5_A128CBC_HS256 -> "RSA1_5/A128CBC-HS256";
        });
    }

    @ParameterizedTest
    @EnumSource(JweProfile.class)
    void ecRoundTripForEveryProfile(JweProfile profile) throws Exception {
        String compact = JweCodec.encrypt(CVM_INFO, TestKeys.EC.getPublic(), EC_KID, profile);

        assertThat(plaintext(JweCodec.decrypt(compact, KEYS))).isEqualTo(CVM_INFO);
        JWEHeader header = headerOf(compact);
        assertThat(header.getAlgorithm()).isEqualTo(JWEAlgorithm.ECDH_ES_A128KW);
        assertThat(header.getEncryptionMethod()).isEqualTo(profile == JweProfile.RSA_OAEP_256_A256GCM
                ? EncryptionMethod.A256GCM : EncryptionMethod.A128GCM);
    }

    @Test
    void defaultProfileIsRsaOaep256WithA128Gcm() throws Exception {
        JWEHeader header = headerOf(JweCodec.encrypt(CVM_INFO, TestKeys.RSA.getPublic(), RSA_KID));

        assertThat(header.getAlgorithm()).isEqualTo(JWEAlgorithm.RSA_OAEP_256);
        assertThat(header.getEncryptionMethod()).isEqualTo(EncryptionMethod.A128GCM);
    }

    @Test
    void acceptsRsa15FromRealClients() throws Exception {
        String compact = nimbus(new JWEHeader.Builder(JWEAlgorithm.RSA1_5, EncryptionMethod.A128CBC_HS256)
                .keyID(RSA_KID).build(), rsaEncrypter());

        assertThat(plaintext(JweCodec.decrypt(compact, KEYS))).isEqualTo(CVM_INFO);
    }

    @Test
    void acceptsEveryAllowedPairProducedByNimbus() throws Exception {
        List<String> compacts = new ArrayList<>();
        for (EncryptionMethod enc : List.of(EncryptionMethod.A128GCM, EncryptionMethod.A256GCM)) {
            compacts.add(nimbus(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, enc).keyID(RSA_KID).build(),
                    rsaEncrypter()));
            for (JWEAlgorithm alg : List.of(JWEAlgorithm.ECDH_ES, JWEAlgorithm.ECDH_ES_A128KW,
                    JWEAlgorithm.ECDH_ES_A256KW)) {
                compacts.add(nimbus(new JWEHeader.Builder(alg, enc).keyID(EC_KID).build(),
                        new ECDHEncrypter((ECPublicKey) TestKeys.EC.getPublic())));
            }
        }

        for (String compact : compacts) {
            assertThat(plaintext(JweCodec.decrypt(compact, KEYS))).as(compact).isEqualTo(CVM_INFO);
        }
    }

    @Test
    void refusesOtherAlgorithmPairs() throws Exception {
        List<String> refused = List.of(
                nimbus(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP, EncryptionMethod.A128GCM).keyID(RSA_KID).build(),
                        rsaEncrypter()),
                nimbus(new JWEHeader.Builder(JWEAlgorithm.RSA1_5, EncryptionMethod.A128GCM).keyID(RSA_KID).build(),
                        rsaEncrypter()),
                nimbus(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128CBC_HS256)
                        .keyID(RSA_KID).build(), rsaEncrypter()),
                nimbus(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A192GCM).keyID(RSA_KID)
                        .build(), rsaEncrypter()),
                nimbus(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A128GCM).keyID(RSA_KID).build(),
                        new DirectEncrypter(new SecretKeySpec(new byte[16], "AES"))));

        for (String compact : refused) {
            assertThat(failure(JweCodec.decrypt(compact, KEYS))).as(compact).isEqualTo(Failure.ALGORITHM_NOT_ALLOWED);
        }
    }

    @Test
    void refusesCompression() throws Exception {
        String compact = nimbus(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM)
                .keyID(RSA_KID).compressionAlgorithm(CompressionAlgorithm.DEF).build(), rsaEncrypter());

        assertThat(failure(JweCodec.decrypt(compact, KEYS))).isEqualTo(Failure.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void refusesCriticalHeaderParameters() throws Exception {
        String compact = nimbus(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM)
                .keyID(RSA_KID).criticalParams(Set.of("x-must")).customParam("x-must", 1).build(), rsaEncrypter());

        assertThat(failure(JweCodec.decrypt(compact, KEYS))).isEqualTo(Failure.MALFORMED);
    }

    @Test
    void unknownKid() {
        String compact = JweCodec.encrypt(CVM_INFO, TestKeys.RSA.getPublic(), "no-such-kid");

        JweResult result = JweCodec.decrypt(compact, KEYS);

        assertThat(failure(result)).isEqualTo(Failure.UNKNOWN_KID);
        assertThat(failure(JweCodec.decrypt(compact, null))).isEqualTo(Failure.UNKNOWN_KID);
    }

    @Test
    void missingKidIsLookedUpAsNull() {
        String compact = JweCodec.encrypt(CVM_INFO, TestKeys.RSA.getPublic(), null);
        List<String> asked = new ArrayList<>();

        JweResult result = JweCodec.decrypt(compact, kid -> {
            asked.add(kid);
            return TestKeys.RSA.getPrivate();
        });

        assertThat(asked).containsExactly((String) null);
        assertThat(((JweResult.Ok) result).kid()).isNull();
        // Map.of(...)::get throws on null; a throwing lookup is an unknown kid, not an exception.
        assertThat(failure(JweCodec.decrypt(compact, KEYS))).isEqualTo(Failure.UNKNOWN_KID);
    }

    @Test
    void wrongKeyFailsUniformly() throws Exception {
        Function<String, PrivateKey> wrong = kid -> kid.equals(EC_KID) ? TestKeys.EC_OTHER.getPrivate()
                : TestKeys.RSA_OTHER.getPrivate();
        String rsa15 = nimbus(new JWEHeader.Builder(JWEAlgorithm.RSA1_5, EncryptionMethod.A128CBC_HS256)
                .keyID(RSA_KID).build(), rsaEncrypter());

        List<JweResult> results = List.of(
                JweCodec.decrypt(rsa15, wrong),
                JweCodec.decrypt(JweCodec.encrypt(CVM_INFO, TestKeys.RSA.getPublic(), RSA_KID), wrong),
                JweCodec.decrypt(JweCodec.encrypt(CVM_INFO, TestKeys.EC.getPublic(), EC_KID), wrong));

        assertThat(results).allSatisfy(r -> assertThat(r)
                .isEqualTo(new JweResult.Failed(Failure.DECRYPT_FAILED, "JWE decryption failed")));
    }

    @Test
    void keyOfTheWrongTypeForTheAlgorithmIsRefused() {
        String compact = JweCodec.encrypt(CVM_INFO, TestKeys.RSA.getPublic(), RSA_KID);

        assertThat(failure(JweCodec.decrypt(compact, kid -> TestKeys.EC.getPrivate())))
                .isEqualTo(Failure.ALGORITHM_NOT_ALLOWED);
    }

    @ParameterizedTest
    @EnumSource(JweProfile.class)
    void tamperedSegmentsFailToDecrypt(JweProfile profile) {
        String compact = JweCodec.encrypt(CVM_INFO, TestKeys.RSA.getPublic(), RSA_KID, profile);
        String[] parts = compact.split("\\.", -1);

        for (int segment = 1; segment < 5; segment++) {
            String[] tampered = parts.clone();
            tampered[segment] = flipFirstByte(parts[segment]);
            assertThat(JweCodec.decrypt(String.join(".", tampered), KEYS)).as("segment %d", segment)
                    .isEqualTo(new JweResult.Failed(Failure.DECRYPT_FAILED, "JWE decryption failed"));
        }
        String[] otherHeader = parts.clone();
        otherHeader[0] = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                        .replace("{", "{\"x\":1,").getBytes(StandardCharsets.UTF_8));
        assertThat(failure(JweCodec.decrypt(String.join(".", otherHeader), KEYS))).isEqualTo(Failure.DECRYPT_FAILED);
    }

    private static String flipFirstByte(String segment) {
        byte[] bytes = Base64.getUrlDecoder().decode(segment);
        bytes[0] ^= 1;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void malformedInput() {
        String valid = JweCodec.encrypt(CVM_INFO, TestKeys.RSA.getPublic(), RSA_KID);
        String[] parts = valid.split("\\.", -1);
        String header = parts[0];

        List<String> malformed = new ArrayList<>(List.of(
                "", "a.b.c", "a.b.c.d.e.f", "....", valid + ".", valid.replace('.', ','),
                "!" + valid, valid + "=", valid.replace(parts[4], parts[4] + "=="),
                header + ".." + parts[2] + "." + parts[3] + "." + parts[4],
                header + "." + parts[1] + ".." + parts[3] + "." + parts[4],
                header + "." + parts[1] + "." + parts[2] + "." + parts[3] + ".",
                "e30." + parts[1] + "." + parts[2] + "." + parts[3] + "." + parts[4],
                "bm90IGpzb24." + parts[1] + "." + parts[2] + "." + parts[3] + "." + parts[4],
                "x".repeat(JweCodec.MAX_HEADER_CHARS + 1) + ".a.b.c.d",
                "x".repeat(JweCodec.MAX_COMPACT_CHARS + 1)));
        // A last character whose unused low bits are set: the same bytes as the valid tag, but not canonical.
        String tag = parts[4];
        malformed.add(String.join(".", parts[0], parts[1], parts[2], parts[3],
                tag.substring(0, tag.length() - 1) + (char) (tag.charAt(tag.length() - 1) + 1)));

        for (String compact : malformed) {
            assertThat(failure(JweCodec.decrypt(compact, KEYS))).as(compact.length() > 80
                    ? compact.substring(0, 80) : compact).isEqualTo(Failure.MALFORMED);
        }
        assertThat(failure(JweCodec.decrypt(null, KEYS))).isEqualTo(Failure.MALFORMED);
    }

    @Test
    void reasonsNeverCarryPlaintextOrKeys() {
        String compact = JweCodec.encrypt(CVM_INFO, TestKeys.RSA.getPublic(), RSA_KID);

        JweResult.Failed failed = (JweResult.Failed) JweCodec.decrypt(compact, k -> TestKeys.RSA_OTHER.getPrivate());

        assertThat(failed.reason()).doesNotContain("cvn2").doesNotContain(RSA_KID);
    }

    @Test
    void encryptRefusesWeakOrMissingRecipients() {
        assertThatThrownBy(() -> JweCodec.encrypt(CVM_INFO, TestKeys.weakRsa().getPublic(), RSA_KID))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2048");
        assertThatThrownBy(() -> JweCodec.encrypt(CVM_INFO, null, RSA_KID))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JweCodec.encrypt(null, TestKeys.RSA.getPublic(), RSA_KID))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyPlaintextRoundTrips() {
        String compact = JweCodec.encrypt(new byte[0], TestKeys.RSA.getPublic(), RSA_KID);

        assertThat(plaintext(JweCodec.decrypt(compact, KEYS))).isEmpty();
    }
}
