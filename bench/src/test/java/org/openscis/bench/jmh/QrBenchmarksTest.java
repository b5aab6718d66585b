package org.openscis.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openscis.codec.qr.CpmResult;
import org.openscis.codec.qr.MpmResult;

/** The QR benchmarks set up and measure what they claim: payloads that parse, a CPM that round-trips. */
class QrBenchmarksTest {

    @Test
    void mpmParseBenchmarkParsesBothPayloads() {
        for (String payload : new String[] {"UNIONPAY", "ANNEX_B"}) {
            MpmParseBenchmark b = new MpmParseBenchmark();
            b.payload = payload;
            b.setUp();

            assertThat(b.parse()).isInstanceOf(MpmResult.Parsed.class);
        }
        assertThat(MpmParseBenchmark.ANNEX_B).endsWith("6304A13A");
    }

    @Test
    void cpmBuildBenchmarkBuildsTheUpiSampleAndParsesIt() {
        CpmBuildBenchmark b = new CpmBuildBenchmark();
        b.setUp();

        assertThat(b.build()).isEqualTo("hQVDUFYwMWFYTwigAAADMwEBAVcTYpJhA1hEQzVkHSIQIBAAABiAH180AQBjM58mCFaLEtnaC9l/nycBgJ8Q"
                + "EQcAAQOgAAABCDM5OTk5OTk5nzYCAAGCAgAAnzcE6gZYyA==");
        assertThat(b.parse()).isInstanceOf(CpmResult.Parsed.class);
    }

    @Test
    void jmhListsTheQrBenchmarks() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(in).as("JMH annotation processing ran").isNotNull();
            String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(list).contains("org.openscis.bench.jmh.MpmParseBenchmark", "org.openscis.bench.jmh.CpmBuildBenchmark");
        }
    }
}
