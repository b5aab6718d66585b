package org.openscis.codec.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    private static final byte[] BODY = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** The strongest check that a private and a public key belong together: a signature made with one verifies. */
    private static boolean pair(PrivateKey privateKey, PublicKey publicKey) {
        String alg = privateKey instanceof RSAPrivateKey ? "RS256" : "ES256";
        String value = UpiJws.sign(UpiJwsHeader.response(alg, "1", UpiJws.newUuid(), "1", "2"), BODY, privateKey);
        return UpiJws.verify(((JwsParseResult.Ok) UpiJws.parse(value, false)).jws(), BODY, publicKey);
    }

    @Test
    void readsPkcs1RsaPrivateKeyAndItsCertificate() {
        PrivateKey privateKey = KeyMaterial.readPrivateKey(TestKeys.resource("rsa-pkcs1.pem"));
        PublicKey fromCert = KeyMaterial.readPublicKey(TestKeys.resource("rsa-cert.pem"));
        PublicKey fromPkcs1 = KeyMaterial.readPublicKey(TestKeys.resource("rsa-pkcs1-public.pem"));

        assertThat(privateKey).isInstanceOf(RSAPrivateKey.class);
        assertThat(fromCert).isInstanceOf(RSAPublicKey.class);
        assertThat(((RSAPublicKey) fromPkcs1).getModulus()).isEqualTo(((RSAPublicKey) fromCert).getModulus());
        assertThat(pair(privateKey, fromCert)).isTrue();
        assertThat(KeyMaterial.strongEnough(fromCert)).isTrue();
    }

    @Test
    void readsEcKeysInPkcs8AndSec1AndTheirCertificate() {
        PrivateKey pkcs8 = KeyMaterial.readPrivateKey(TestKeys.resource("ec-pkcs8.pem"));
        PrivateKey sec1 = KeyMaterial.readPrivateKey(TestKeys.resource("ec-sec1.pem"));
        PublicKey fromCert = KeyMaterial.readPublicKey(TestKeys.resource("ec-cert.pem"));

        assertThat(pkcs8).isInstanceOf(ECPrivateKey.class);
        assertThat(((ECPrivateKey) sec1).getS()).isEqualTo(((ECPrivateKey) pkcs8).getS());
        assertThat(pair(sec1, fromCert)).isTrue();
        assertThat(KeyMaterial.strongEnough(fromCert)).isTrue();
    }

    @Test
    void certificateSerialIsDecimal() {
        assertThat(KeyMaterial.certificateSerial(TestKeys.resource("rsa-cert.pem"))).contains("1560936206326");
        assertThat(KeyMaterial.certificateSerial(TestKeys.resource("ec-cert.pem"))).contains("3185569896925184");
        assertThat(KeyMaterial.certificateSerial(TestKeys.resource("ec-pkcs8.pem"))).isEmpty();
        assertThat(KeyMaterial.certificateSerial("{\"kty\":\"EC\"}")).isEmpty();
        assertThat(KeyMaterial.certificateSerial(null)).isEmpty();
        assertThatThrownBy(() -> KeyMaterial.certificateSerial(
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X.509");
    }

    @Test
    void pemRoundTripsForGeneratedKeys() {
        for (KeyPair keys : new KeyPair[] {TestKeys.RSA, TestKeys.EC}) {
            String privatePem = KeyMaterial.toPem(keys.getPrivate());
            String publicPem = KeyMaterial.toPem(keys.getPublic());

            assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
            assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
            assertThat(privatePem.lines().filter(l -> !l.startsWith("-----"))).allSatisfy(l ->
                    assertThat(l.length()).isLessThanOrEqualTo(64));
            assertThat(privatePem.lines().skip(1).findFirst().orElseThrow()).hasSize(64);
            PrivateKey privateKey = KeyMaterial.readPrivateKey(privatePem);
            PublicKey publicKey = KeyMaterial.readPublicKey(publicPem);
            assertThat(privateKey.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
            assertThat(publicKey.getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        }
    }

    @Test
    void readsJwkPrivateAndPublic() throws Exception {
        RSAKey rsaJwk = new RSAKey.Builder((RSAPublicKey) TestKeys.RSA.getPublic())
                .privateKey(TestKeys.RSA.getPrivate()).keyID("sig-1").build();
        ECKey ecJwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) TestKeys.EC.getPublic())
                .privateKey(TestKeys.EC.getPrivate()).build();

        assertThat(pair(KeyMaterial.readPrivateKey(rsaJwk.toJSONString()),
                KeyMaterial.readPublicKey(rsaJwk.toPublicJWK().toJSONString()))).isTrue();
        assertThat(pair(KeyMaterial.readPrivateKey(ecJwk.toJSONString()),
                KeyMaterial.readPublicKey(ecJwk.toJSONString()))).isTrue();
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(rsaJwk.toPublicJWK().toJSONString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("JWK has no private part");
    }

    @Test
    void readsBase64DerAsKeyExchangeCarriesIt() {
        for (KeyPair keys : new KeyPair[] {TestKeys.RSA, TestKeys.EC}) {
            byte[] spki = keys.getPublic().getEncoded();
            String mime = Base64.getMimeEncoder().encodeToString(spki);

            assertThat(KeyMaterial.readBase64Der(Base64.getEncoder().encodeToString(spki)).getEncoded())
                    .isEqualTo(spki);
            assertThat(KeyMaterial.readBase64Der(mime).getEncoded()).isEqualTo(spki);
            assertThat(KeyMaterial.readBase64Der(Base64.getUrlEncoder().encodeToString(spki)).getEncoded())
                    .isEqualTo(spki);
        }
        String certificateBody = TestKeys.resource("rsa-cert.pem").replaceAll("-----[A-Z ]+-----", "");
        assertThat(KeyMaterial.readBase64Der(certificateBody))
                .isEqualTo(KeyMaterial.readPublicKey(TestKeys.resource("rsa-cert.pem")));
        assertThatThrownBy(() -> KeyMaterial.readBase64Der("not base64!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> KeyMaterial.readBase64Der("AAAA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PUBLIC KEY");
    }

    @Test
    void firstMatchingBlockOfABundleIsUsed() {
        String bundle = TestKeys.resource("rsa-cert.pem") + TestKeys.resource("rsa-pkcs1.pem");

        assertThat(pair(KeyMaterial.readPrivateKey(bundle), KeyMaterial.readPublicKey(bundle))).isTrue();
    }

    @Test
    void errorsNameTheProblemWithoutKeyBytes() {
        String pkcs1 = TestKeys.resource("rsa-pkcs1.pem");
        String secretLine = pkcs1.lines().skip(3).findFirst().orElseThrow();
        String corrupted = pkcs1.replace(secretLine, secretLine.substring(0, 20) + "!!" + secretLine.substring(22));
        String truncated = pkcs1.replace(secretLine + "\n", "");

        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(null)).hasMessage("key text is empty");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey("  \n")).hasMessage("key text is empty");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey("x".repeat(KeyMaterial.MAX_KEY_TEXT_CHARS + 1)))
                .hasMessageContaining("longer than");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey("hello")).hasMessageContaining("not a PEM");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(corrupted))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64")
                .message().doesNotContain(secretLine.substring(0, 20));
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(truncated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RSA PRIVATE KEY");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(pkcs1.replace("-----END RSA", "-----END EC")))
                .hasMessageContaining("has no matching END line");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(TestKeys.resource("rsa-encrypted.pem")))
                .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(pkcs1.replace("\n\n", "\n").replaceFirst(
                "-----\n", "-----\nProc-Type: 4,ENCRYPTED\n\n"))).hasMessageContaining("encrypted");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(TestKeys.resource("rsa-cert.pem")))
                .hasMessageContaining("no private key PEM block");
        assertThatThrownBy(() -> KeyMaterial.readPublicKey(pkcs1)).hasMessageContaining("no public key PEM block");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey("{\"kty\":\"oct\",\"k\":\"AAAA\"}"))
                .hasMessageContaining("oct");
        assertThatThrownBy(() -> KeyMaterial.readPublicKey("{\"kty\":\"RSA\",\"n\":"))
                .hasMessageStartingWith("not a valid JWK");
        String badJwk = "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\",\"d\":\"c2VjcmV0LWV4cG9uZW50\",\"p\":5}";
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(badJwk))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("c2VjcmV0");
    }

    @Test
    void hostilePemTextIsRefusedQuickly() {
        String manyBegins = "-----BEGIN PRIVATE KEY-----\n".repeat(KeyMaterial.MAX_KEY_TEXT_CHARS / 30);
        String longLabel = "-----BEGIN " + "A".repeat(100_000) + "-----";

        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(manyBegins)).hasMessageContaining("no matching END");
        assertThatThrownBy(() -> KeyMaterial.readPublicKey(longLabel)).hasMessageContaining("BEGIN line");
    }

    @Test
    void sec1KeyMustNameP256() {
        // secp384r1 SEC1 structure with a zero scalar: refused before any key factory sees it.
        byte[] p384Oid = {0x2B, (byte) 0x81, 0x04, 0x00, 0x22};
        byte[] sec1 = Der.sequence(Der.tlv(Der.INTEGER, new byte[] {1}), Der.tlv(Der.OCTET_STRING, new byte[48]),
                Der.tlv(Der.CONTEXT_0, Der.tlv(Der.OID, p384Oid)));
        byte[] noCurve = Der.sequence(Der.tlv(Der.INTEGER, new byte[] {1}), Der.tlv(Der.OCTET_STRING, new byte[32]));

        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(Pem.write("EC PRIVATE KEY", sec1)))
                .hasMessageContaining("P-256");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(Pem.write("EC PRIVATE KEY", noCurve)))
                .hasMessageContaining("does not name its curve");
        assertThatThrownBy(() -> KeyMaterial.readPrivateKey(Pem.write("EC PRIVATE KEY", new byte[] {0x30, 0x05})))
                .hasMessageContaining("SEC1");
    }

    @Test
    void generatesKeysOfTheRequiredKinds() {
        KeyPair ec = KeyMaterial.generateEcP256();

        assertThat(KeyMaterial.strongEnough(ec.getPublic())).isTrue();
        assertThat(((ECPublicKey) ec.getPublic()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThatThrownBy(() -> KeyMaterial.generateRsa(1024)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatesRsa2048() {
        KeyPair rsa = KeyMaterial.generateRsa(2048);

        assertThat(((RSAPublicKey) rsa.getPublic()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(pair(rsa.getPrivate(), rsa.getPublic())).isTrue();
    }

    @Test
    void strongEnough() throws Exception {
        java.security.KeyPairGenerator p384 = java.security.KeyPairGenerator.getInstance("EC");
        p384.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));

        assertThat(KeyMaterial.strongEnough(TestKeys.RSA.getPublic())).isTrue();
        assertThat(KeyMaterial.strongEnough(TestKeys.EC.getPublic())).isTrue();
        assertThat(KeyMaterial.strongEnough(TestKeys.weakRsa().getPublic())).isFalse();
        assertThat(KeyMaterial.strongEnough(p384.generateKeyPair().getPublic())).isFalse();
        assertThat(KeyMaterial.strongEnough(null)).isFalse();
    }

    @Test
    void toPemRefusesKeysWithoutStandardEncoding() {
        assertThatThrownBy(() -> KeyMaterial.toPem((PrivateKey) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyMaterial.toPem((PublicKey) null)).isInstanceOf(IllegalArgumentException.class);
    }
}
