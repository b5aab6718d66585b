package org.openscis.bench.jmh;

import java.util.Map;
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
import org.openscis.codec.qr.MpmBuilder;
import org.openscis.codec.qr.MpmParser;
import org.openscis.codec.qr.MpmPolicy;
import org.openscis.codec.qr.MpmResult;

/**
 * The strict EMVCo MPM parse that MPQRC_PAYMENT_EMV runs on every {@code mpqrcPayload}: a typical UnionPay dynamic
 * code (ID 15, amount, bill/reference/terminal labels) and the EMVCo Annex B example (two account templates, Chinese
 * language template, an unreserved template; UTF-8 CRC over multi-byte characters).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MpmParseBenchmark {

    /** The EMVCo MPM v1.1 Annex B payload (vector mpm-p14 of qr-vectors.json). */
    static final String ANNEX_B = "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678"
            + "520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412"
            + "340603***0708A60086670902ME91320016A0112233449988770708123456786304A13A";

    /** Which payload: a typical UnionPay MPM or the EMVCo Annex B example. */
    @Param({"UNIONPAY", "ANNEX_B"})
    public String payload;

    private final MpmParser parser = new MpmParser(MpmPolicy.strict());
    private String text;

    @Setup
    public void setUp() {
        text = "ANNEX_B".equals(payload) ? ANNEX_B : unionPay();
        if (!(parser.parse(text) instanceof MpmResult.Parsed)) {
            throw new IllegalStateException("the " + payload + " payload does not parse");
        }
    }

    static String unionPay() {
        return MpmBuilder.create().put("01", "12").unionPay("30010344", "00010344", "123456789012345")
                .put("52", "5812").put("53", "344").put("54", "88.50").put("58", "HK").put("59", "UPI TEST CAFE")
                .put("60", "HONG KONG")
                .template("62", Map.of("01", "20261126000000000001", "05", "REF00000000000000001", "07", "T0000001"))
                .build();
    }

    @Benchmark
    public MpmResult parse() {
        return parser.parse(text);
    }
}
