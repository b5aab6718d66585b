package org.openscis.bench.jmh;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openscis.codec.qr.CpmBuilder;
import org.openscis.codec.qr.CpmContent;
import org.openscis.codec.qr.CpmParser;
import org.openscis.codec.qr.CpmResult;
import org.openscis.codec.qr.Track2;

/**
 * The UnionPay consumer-presented payload (qr.md §9.3): building it as QRC_GENERATION does for every code (BER-TLV
 * with the exact tag set, base64), and parsing it as CPQRC_PAYMENT does on every scan. The cryptogram is a fixed
 * value: computing it is the issuer's key work, not the codec's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CpmBuildBenchmark {

    private static final HexFormat HEX = HexFormat.of();

    private final CpmParser parser = new CpmParser(List.of("A000000333"));
    private CpmContent content;
    private String payload;

    @Setup
    public void setUp() {
        content = new CpmContent("A000000333010101", new Track2("6292610358444335641", "2210", "201", "0000018801"),
                HEX.parseHex("568b12d9da0bd97f"), CpmContent.CID_ARQC, HEX.parseHex("07000103a0000001083339393939393939"),
                1, HEX.parseHex("0000"), HEX.parseHex("ea0658c8"));
        payload = CpmBuilder.build(content);
        if (!(parser.parse(payload) instanceof CpmResult.Parsed)) {
            throw new IllegalStateException("the built payload does not parse");
        }
    }

    @Benchmark
    public String build() {
        return CpmBuilder.build(content);
    }

    @Benchmark
    public CpmResult parse() {
        return parser.parse(payload);
    }
}
