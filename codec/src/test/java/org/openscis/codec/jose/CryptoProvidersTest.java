package org.openscis.codec.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.function.Function;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class CryptoProvidersTest {

    private static final byte[] BODY = "{\"msgInfo\":{}}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PAN = "6223000000000000000".getBytes(StandardCharsets.US_ASCII);

    @Test
    void installsAndReportsWhatIsActive() throws Exception {
        String description = CryptoProviders.install();

        assertThat(CryptoProviders.install()).isEqualTo(description);
        assertThat(CryptoProviders.description()).isEqualTo(description);
        if (CryptoProviders.nativeProviderActive()) {
            assertThat(description).startsWith("AmazonCorrettoCryptoProvider ").endsWith("(native)");
            assertThat(Security.getProviders()[0].getName()).isEqualTo("AmazonCorrettoCryptoProvider");
            assertThat(Signature.getInstance("SHA256withRSA").getProvider().getName())
                    .isEqualTo("AmazonCorrettoCryptoProvider");
            assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName())
                    .isEqualTo("AmazonCorrettoCryptoProvider");
        } else {
            assertThat(description).startsWith("JDK providers (ACCP unavailable: ");
        }
        everyJoseOperationWorks();
    }

    /** Exercises the JDK providers alone, then (where ACCP loads) the native one, to show nimbus works with both. */
    @Test
    void joseWorksWithJdkProvidersAndAfterInstall() throws Exception {
        CryptoProviders.install();
        boolean nativeActive = CryptoProviders.nativeProviderActive();
        Provider first = Security.getProviders()[0];
        if (nativeActive) {
            Security.removeProvider(first.getName());
        }
        try {
            assertThat(CryptoProviders.nativeProviderActive()).isFalse();
            everyJoseOperationWorks();
        } finally {
            // install() is idempotent and puts a displaced native provider back first.
            CryptoProviders.install();
        }
        assertThat(CryptoProviders.nativeProviderActive()).isEqualTo(nativeActive);
        everyJoseOperationWorks();
    }

    @Test
    void probeReportsAMissingProviderClass() {
        CryptoProviders.Probe probe = CryptoProviders.probe("org.openscis.NoSuchProvider");

        assertThat(probe.provider()).isNull();
        assertThat(probe.problem()).isEqualTo("not on the class path");
    }

    @Test
    void probeReportsAClassThatIsNoProvider() {
        CryptoProviders.Probe probe = CryptoProviders.probe(String.class.getName());

        assertThat(probe.provider()).isNull();
        assertThat(probe.problem()).startsWith("could not be loaded: ");
    }

    private static void everyJoseOperationWorks() throws Exception {
        for (String alg : new String[] {"RS256", "PS256", "ES256"}) {
            boolean ec = alg.equals("ES256");
            PrivateKey signing = ec ? TestKeys.EC.getPrivate() : TestKeys.RSA.getPrivate();
            String value = UpiJws.sign(UpiJwsHeader.response(alg, "1", UpiJws.newUuid(), "1", "2"), BODY, signing);
            ParsedJws jws = ((JwsParseResult.Ok) UpiJws.parse(value, false)).jws();
            assertThat(UpiJws.verify(jws, BODY, ec ? TestKeys.EC.getPublic() : TestKeys.RSA.getPublic()))
                    .as(alg).isTrue();
        }
        Function<String, PrivateKey> keys = kid -> kid.equals("ec") ? TestKeys.EC.getPrivate()
                : TestKeys.RSA.getPrivate();
        for (JweProfile profile : JweProfile.values()) {
            String rsa = JweCodec.encrypt(PAN, TestKeys.RSA.getPublic(), "rsa", profile);
            String ec = JweCodec.encrypt(PAN, TestKeys.EC.getPublic(), "ec", profile);
            assertThat(((JweResult.Ok) JweCodec.decrypt(rsa, keys)).plaintext()).as(profile.name()).isEqualTo(PAN);
            assertThat(((JweResult.Ok) JweCodec.decrypt(ec, keys)).plaintext()).as(profile.name()).isEqualTo(PAN);
        }
        JWEObject legacy = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA1_5, EncryptionMethod.A128CBC_HS256)
                .keyID("rsa").build(), new Payload(PAN));
        legacy.encrypt(new RSAEncrypter((RSAPublicKey) TestKeys.RSA.getPublic()));
        assertThat(((JweResult.Ok) JweCodec.decrypt(legacy.serialize(), keys)).plaintext()).isEqualTo(PAN);
        assertThat(JweCodec.decrypt(legacy.serialize(), kid -> TestKeys.RSA_OTHER.getPrivate()))
                .isEqualTo(new JweResult.Failed(JweResult.Failure.DECRYPT_FAILED, "JWE decryption failed"));
    }
}
