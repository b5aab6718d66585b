package org.openscis.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRatiosTest {

    private static final String RESULT = """
            [
              {"benchmark": "org.openscis.bench.jmh.UpiJwsBenchmark.Accp.sign", "mode": "thrpt",
               "params": {"alg": "RS256"},
               "primaryMetric": {"score": 900.0, "scoreError": 12.5, "scoreUnit": "ops/s"}},
              {"benchmark": "org.openscis.bench.jmh.UpiJwsBenchmark.Jdk.sign", "mode": "thrpt",
               "params": {"alg": "RS256"},
               "primaryMetric": {"score": 300.0, "scoreError": 4.0, "scoreUnit": "ops/s"}},
              {"benchmark": "org.openscis.bench.jmh.UpiJwsBenchmark.Accp.sign", "mode": "thrpt",
               "params": {"alg": "ES256"},
               "primaryMetric": {"score": 5000.0, "scoreError": 0, "scoreUnit": "ops/s"}},
              {"benchmark": "org.openscis.bench.jmh.JweBenchmark.Accp.decrypt", "mode": "avgt",
               "params": {"profile": "RSA1_5_A128CBC_HS256"},
               "primaryMetric": {"score": 1.0, "scoreError": "NaN", "scoreUnit": "ms/op"}},
              {"benchmark": "org.openscis.bench.jmh.JweBenchmark.Jdk.decrypt", "mode": "avgt",
               "params": {"profile": "RSA1_5_A128CBC_HS256"},
               "primaryMetric": {"score": 2.5, "scoreError": "NaN", "scoreUnit": "ms/op"}},
              {"benchmark": "org.openscis.bench.jmh.EnvelopeBenchmark.decodeBytes", "mode": "thrpt",
               "params": {"message": "REQUEST"},
               "primaryMetric": {"score": 400000.0, "scoreError": 1.0, "scoreUnit": "ops/s"}}
            ]
            """;

    @Test
    void pairsVariantsWithTheSameParamsAndMode() {
        List<ProviderRatios.Row> rows = ok(ProviderRatios.parse(RESULT));

        // ES256 has no Jdk partner and the envelope benchmark has no variants: neither is a row.
        assertThat(rows).hasSize(2);
        ProviderRatios.Row sign = rows.get(0);
        assertThat(sign.benchmark()).isEqualTo("UpiJwsBenchmark.sign");
        assertThat(sign.params()).isEqualTo("alg=RS256");
        assertThat(sign.speedUp()).isCloseTo(3.0, within(1e-9));
        // Time per operation: lower is better, so the speed-up is JDK over ACCP.
        assertThat(rows.get(1).speedUp()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void rendersAMarkdownTable() {
        String md = ProviderRatios.markdown(ok(ProviderRatios.parse(RESULT)));

        assertThat(md).contains("| UpiJwsBenchmark.sign | alg=RS256 | thrpt | 900.0 ± 12.5 | 300.0 ± 4.0 | ops/s | 3.00x |");
        assertThat(md).contains("| JweBenchmark.decrypt | profile=RSA1_5_A128CBC_HS256 | avgt | 1.0 | 2.5 | ms/op | 2.50x |");
    }

    @Test
    void refusesWhatIsNotAJmhResult() {
        assertThat(ProviderRatios.parse("{")).isInstanceOf(ProviderRatios.Parsed.Invalid.class);
        assertThat(ProviderRatios.parse("{\"benchmark\": 1}")).isInstanceOf(ProviderRatios.Parsed.Invalid.class);
        assertThat(ok(ProviderRatios.parse("[1, \"x\", {}]"))).isEmpty();
    }

    private static List<ProviderRatios.Row> ok(ProviderRatios.Parsed parsed) {
        assertThat(parsed).isInstanceOf(ProviderRatios.Parsed.Ok.class);
        return ((ProviderRatios.Parsed.Ok) parsed).rows();
    }
}
