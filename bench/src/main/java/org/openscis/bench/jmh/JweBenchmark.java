package org.openscis.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openscis.bench.workload.SampleMessages;
import org.openscis.codec.envelope.EnvelopeCodec;
import org.openscis.codec.jose.JweCodec;
import org.openscis.codec.jose.JweProfile;
import org.openscis.codec.jose.JweResult;
import org.openscis.codec.jose.KeyMaterial;

/**
 * The JWE work of one CARD_ENROLLMENT at the switch: {@link Base#decrypt} opens the request's {@code cvmInfo}
 * (an account enrolment's JSON), {@link Base#encrypt} seals the response's {@code pan} to the App Gateway. RSA-2048
 * keys; the two algorithm pairs OpenSCIS accepts and produces for RSA recipients (decisions.md §3).
 */
public class JweBenchmark {

    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public abstract static class Base {

        /** RSA-OAEP-256/A128GCM is the OpenSCIS default; RSA1_5/A128CBC-HS256 is what real SCIS clients send. */
        @Param({"RSA_OAEP_256_A128GCM", "RSA1_5_A128CBC_HS256"})
        public String profile;

        private PrivateKey switchKey;
        private KeyPair appGateway;
        private String cvmInfoJwe;
        private byte[] pan;
        private JweProfile jweProfile;

        @Setup
        public void setUp() {
            Providers.install(expectsNativeProvider());
            jweProfile = JweProfile.valueOf(profile);
            KeyPair switchKeys = KeyMaterial.generateRsa(2048);
            appGateway = KeyMaterial.generateRsa(2048);
            switchKey = switchKeys.getPrivate();
            byte[] cvmInfo = new EnvelopeCodec().encodeObject(SampleMessages.accountCvmInfo("100000001234"));
            cvmInfoJwe = JweCodec.encrypt(cvmInfo, switchKeys.getPublic(), Fixtures.SWITCH_ENCRYPTION_KID,
                    jweProfile);
            pan = SampleMessages.samplePan().getBytes(StandardCharsets.US_ASCII);
            if (!(decrypt() instanceof JweResult.Ok)) {
                throw new IllegalStateException("the fixture JWE does not decrypt");
            }
        }

        @Benchmark
        public JweResult decrypt() {
            return JweCodec.decrypt(cvmInfoJwe, this::keyByKid);
        }

        @Benchmark
        public String encrypt() {
            return JweCodec.encrypt(pan, appGateway.getPublic(), Fixtures.APPGW_ENCRYPTION_KID, jweProfile);
        }

        private PrivateKey keyByKid(String kid) {
            return Fixtures.SWITCH_ENCRYPTION_KID.equals(kid) ? switchKey : null;
        }

        abstract boolean expectsNativeProvider();
    }

    /** Amazon Corretto Crypto Provider (AWS-LC), the switch's default where it loads. */
    public static class Accp extends Base {
        @Override
        boolean expectsNativeProvider() {
            return true;
        }
    }

    /** The JDK's own providers, in a fork started with {@code -Dopenscis.crypto.accp=false}. */
    @Fork(value = 1, jvmArgsAppend = "-Dopenscis.crypto.accp=false")
    public static class Jdk extends Base {
        @Override
        boolean expectsNativeProvider() {
            return false;
        }
    }
}
