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
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JweCodecProperties {

    private static final byte[] PLAINTEXT = "6223000000000000000".getBytes(StandardCharsets.US_ASCII);
    private static final Function<String, PrivateKey> KEYS = kid -> "ec".equals(kid) ? TestKeys.EC.getPrivate()
            : TestKeys.RSA.getPrivate();
    private static final List<String> VALID = List.of(
            JweCodec.encrypt(PLAINTEXT, TestKeys.RSA.getPublic(), "rsa", JweProfile.RSA_OAEP_256_A128GCM),
            JweCodec.encrypt(PLAINTEXT, TestKeys.RSA.getPublic(), "rsa", JweProfile.RSA_OAEP_256_A256GCM),
            legacyRsa15(),
            JweCodec.encrypt(PLAINTEXT, TestKeys.EC.getPublic(), "ec", JweProfile.RSA_OAEP_256_A128GCM));

    private static String legacyRsa15() {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA1_5, EncryptionMethod.A128CBC_HS256)
                    .keyID("rsa").build(), new Payload(PLAINTEXT));
            jwe.encrypt(new RSAEncrypter((RSAPublicKey) TestKeys.RSA.getPublic()));
            return jwe.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 1000)
    void arbitraryStringsFail(@ForAll String compact) {
        assertThat(JweCodec.decrypt(compact, KEYS)).isInstanceOf(JweResult.Failed.class);
    }

    @Property(tries = 500)
    void jweShapedStringsFail(@ForAll("jweShaped") String compact) {
        assertThat(JweCodec.decrypt(compact, KEYS)).isInstanceOf(JweResult.Failed.class);
    }

    @Property(tries = 400)
    void mutatedJwesFail(@ForAll("mutations") List<Mutation> mutations, @ForAll("validIndex") int which) {
        String original = VALID.get(which);
        String mutated = original;
        for (Mutation mutation : mutations) {
            mutated = mutation.applyTo(mutated);
        }
        Assume.that(!mutated.equals(original));

        assertThat(JweCodec.decrypt(mutated, KEYS)).isInstanceOf(JweResult.Failed.class);
    }

    @Property(tries = 200)
    void swappedSegmentsFail(@ForAll("validIndex") int a, @ForAll("validIndex") int b,
            @ForAll("segmentIndex") int segment) {
        Assume.that(a != b);
        String[] first = VALID.get(a).split("\\.", -1);
        String[] second = VALID.get(b).split("\\.", -1);
        first[segment] = second[segment];

        assertThat(JweCodec.decrypt(String.join(".", first), KEYS)).isInstanceOf(JweResult.Failed.class);
    }

    @Provide
    Arbitrary<String> jweShaped() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                .ofMaxLength(40).list().ofSize(5).map(parts -> String.join(".", parts));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Mutation.arbitrary().list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<Integer> validIndex() {
        return Arbitraries.integers().between(0, VALID.size() - 1);
    }

    @Provide
    Arbitrary<Integer> segmentIndex() {
        return Arbitraries.integers().between(0, 4);
    }
}
