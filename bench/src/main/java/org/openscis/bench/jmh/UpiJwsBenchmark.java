package org.openscis.bench.jmh;

import java.security.KeyPair;
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
import org.openscis.codec.jose.JwsParseResult;
import org.openscis.codec.jose.KeyMaterial;
import org.openscis.codec.jose.ParsedJws;
import org.openscis.codec.jose.UpiJws;
import org.openscis.codec.jose.UpiJwsHeader;

/**
 * The signature work of one request at the switch: {@link Base#verify} is what the security gate does with the
 * request's {@code UPI-JWS} (parse the header value, verify over the raw body of a CARD_ENROLLMENT request),
 * {@link Base#sign} is what the switch does for every response (sign an enrolment response body).
 */
public class UpiJwsBenchmark {

    /** The benchmarks; the nested subclasses only choose the provider (and with it the fork's JVM options). */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public abstract static class Base {

        private static final String REQ_PATH = "/scis/switch/cardenrollment";

        /** RS256 with a 2048-bit key (the SCIS default) or ES256 on P-256 (decisions.md §3). */
        @Param({"RS256", "ES256"})
        public String alg;

        private KeyPair keys;
        private byte[] requestBody;
        private String requestJws;
        private byte[] responseBody;
        private UpiJwsHeader responseHeader;

        @Setup
        public void setUp() {
            Providers.install(expectsNativeProvider());
            keys = "ES256".equals(alg) ? KeyMaterial.generateEcP256() : KeyMaterial.generateRsa(2048);
            Fixtures fixtures = Fixtures.create();
            requestBody = fixtures.enrollmentRequestBody();
            responseBody = fixtures.enrollmentResponseBody();
            String now = Long.toString(System.currentTimeMillis() / 1000);
            requestJws = UpiJws.sign(UpiJwsHeader.request(alg, "2000000000001", UpiJws.newUuid(), now,
                    SampleMessages.INS_ID, REQ_PATH), requestBody, keys.getPrivate());
            responseHeader = UpiJwsHeader.response(alg, "1000000000001", UpiJws.newUuid(), now,
                    SampleMessages.INS_ID);
            if (!verify()) {
                throw new IllegalStateException("the fixture signature does not verify");
            }
        }

        /** Parse + verify, as the gate does (lenient signature decoding is the switch default). */
        @Benchmark
        public boolean verify() {
            JwsParseResult parsed = UpiJws.parse(requestJws, true);
            if (!(parsed instanceof JwsParseResult.Ok ok)) {
                return false;
            }
            ParsedJws jws = ok.jws();
            return UpiJws.verify(jws, requestBody, keys.getPublic());
        }

        @Benchmark
        public String sign() {
            return UpiJws.sign(responseHeader, responseBody, keys.getPrivate());
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
