package org.openscis.server.storage;

import org.openscis.testing.Race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcExchangedKeysTest extends StorageTestBase {

    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
    private static PublicKey rsa1;
    private static PublicKey rsa2;
    private static PublicKey ec;

    private JdbcExchangedKeys keys;

    @BeforeAll
    static void generateKeys() throws Exception {
        rsa1 = rsaPublicKey(1);
        rsa2 = rsaPublicKey(2);
        KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
        ecGen.initialize(new ECGenParameterSpec("secp256r1"));
        ec = ecGen.generateKeyPair().getPublic();
    }

    /**
     * An RSA public key with a random 2048-bit modulus: storage only needs its encoding, and generating real key pairs
     * costs seconds on a small machine.
     */
    private static PublicKey rsaPublicKey(long seed) throws Exception {
        BigInteger modulus = new BigInteger(2048, new Random(seed)).setBit(2047).setBit(0);
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, BigInteger.valueOf(65537)));
    }

    @BeforeEach
    void setUp() {
        keys = new JdbcExchangedKeys(db());
    }

    @Test
    void addingTheSameKeyTwiceIsIdempotent() {
        assertThat(keys.add("39990061", "kid-1", KeyUse.SIG, rsa1, T0)).isTrue();
        assertThat(keys.add("39990061", "kid-1", KeyUse.SIG, rsa1, T0.plusSeconds(9))).isTrue();

        assertThat(keys.signingKeys("39990061")).containsExactly(Map.entry("kid-1", rsa1));
    }

    @Test
    void aKidBoundToAnotherKeyIsRefused() {
        keys.add("39990061", "kid-1", KeyUse.SIG, rsa1, T0);

        assertThat(keys.add("39990061", "kid-1", KeyUse.SIG, rsa2, T0)).isFalse();

        assertThat(keys.signingKeys("39990061")).containsExactly(Map.entry("kid-1", rsa1));
    }

    @Test
    void kidsAreScopedByParticipantAndUse() {
        assertThat(keys.add("39990061", "kid-1", KeyUse.SIG, rsa1, T0)).isTrue();
        assertThat(keys.add("39990061", "kid-1", KeyUse.ENC, rsa2, T0)).isTrue();
        assertThat(keys.add("39990062", "kid-1", KeyUse.SIG, rsa2, T0)).isTrue();

        assertThat(keys.signingKeys("39990061")).containsExactly(Map.entry("kid-1", rsa1));
        assertThat(keys.signingKeys("39990062")).containsExactly(Map.entry("kid-1", rsa2));
        assertThat(keys.latestEncryptionKey("39990061")).contains(Map.entry("kid-1", rsa2));
    }

    @Test
    void signingKeysComeOldestFirstAndDecodeRsaAndEc() {
        keys.add("39990061", "b-newer", KeyUse.SIG, ec, T0.plusSeconds(60));
        keys.add("39990061", "z-older", KeyUse.SIG, rsa1, T0);

        Map<String, PublicKey> found = keys.signingKeys("39990061");

        assertThat(found).containsExactly(Map.entry("z-older", rsa1), Map.entry("b-newer", ec));
        assertThat(found.get("b-newer").getAlgorithm()).isEqualTo("EC");
        assertThat(found.get("z-older").getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void theLatestEncryptionKeyWins() {
        assertThat(keys.latestEncryptionKey("39990061")).isEmpty();
        keys.add("39990061", "enc-1", KeyUse.ENC, rsa1, T0);
        keys.add("39990061", "enc-2", KeyUse.ENC, rsa2, T0.plusSeconds(1));
        keys.add("39990061", "sig-9", KeyUse.SIG, ec, T0.plusSeconds(2));

        assertThat(keys.latestEncryptionKey("39990061")).contains(Map.entry("enc-2", rsa2));
        assertThat(keys.signingKeys("39990061")).containsOnlyKeys("sig-9");
    }

    @Test
    void concurrentAddsOfTheSameKidAgreeOnOneKey() throws Exception {
        var results = Race.run(2, i -> keys.add("39990061", "kid-r", KeyUse.SIG, i == 0 ? rsa1 : rsa2, T0));

        assertThat(results).containsExactlyInAnyOrder(true, false);
        PublicKey stored = keys.signingKeys("39990061").get("kid-r");
        assertThat(stored).isEqualTo(results.get(0) ? rsa1 : rsa2);
    }

    @Test
    void rejectsKeysWithoutSpkiEncoding() {
        PublicKey raw = new PublicKey() {
            @Override
            public String getAlgorithm() {
                return "RSA";
            }

            @Override
            public String getFormat() {
                return "RAW";
            }

            @Override
            public byte[] getEncoded() {
                return new byte[] {1, 2, 3};
            }
        };
        assertThatThrownBy(() -> keys.add("39990061", "kid", KeyUse.SIG, raw, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
