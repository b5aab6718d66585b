package org.openscis.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openscis.bench.load.PrometheusText.Series;

class PrometheusTextTest {

    /** An excerpt of the switch's real /metrics answer. */
    private static final String SCRAPE = """
            # HELP openscis_link_connections connections established
            # TYPE openscis_link_connections gauge
            openscis_link_connections{link="callbacks-0"} 0.0
            openscis_link_connections{link="cbs-62000001"} 12.0
            openscis_link_latency_seconds_count{link="cbs-62000001",outcome="answered"} 4711
            openscis_link_latency_seconds_sum{link="cbs-62000001",outcome="answered"} 23.5
            openscis_callbacks_pending 3.0
            jvm_gc_max_data_size_bytes 6.320816128E9
            jvm_memory_max_bytes{area="heap",id="G1 Eden Space"} -1.0
            jvm_buffer_count_buffers{id="mapped - 'non-volatile memory'"} 0.0
            """;

    @Test
    void readsNamesLabelsAndValues() {
        Map<Series, Double> samples = PrometheusText.parse(SCRAPE);

        assertThat(samples).containsEntry(Series.of("openscis_link_connections", "link", "cbs-62000001"), 12.0)
                .containsEntry(Series.of("openscis_link_connections", "link", "callbacks-0"), 0.0)
                .containsEntry(Series.of("openscis_link_latency_seconds_count", "link", "cbs-62000001", "outcome",
                        "answered"), 4711.0)
                .containsEntry(Series.of("openscis_callbacks_pending"), 3.0)
                .containsEntry(Series.of("jvm_gc_max_data_size_bytes"), 6.320816128E9)
                .containsEntry(Series.of("jvm_memory_max_bytes", "area", "heap", "id", "G1 Eden Space"), -1.0)
                .containsEntry(Series.of("jvm_buffer_count_buffers", "id", "mapped - 'non-volatile memory'"), 0.0);
        assertThat(samples).hasSize(8);
    }

    @Test
    void labelOrderTrailingCommasEscapesAndTimestampsDoNotMatter() {
        Map<Series, Double> samples = PrometheusText.parse(
                "m{b=\"2\",a=\"x\\\"y\",} 1.5 1700000000000\nn NaN\no +Inf\n");

        assertThat(samples).containsEntry(Series.of("m", "a", "x\"y", "b", "2"), 1.5);
        assertThat(samples.get(Series.of("n"))).isNaN();
        assertThat(samples).containsEntry(Series.of("o"), Double.POSITIVE_INFINITY);
    }

    @Test
    void skipsWhatIsMalformedWithoutThrowing() {
        Map<Series, Double> samples = PrometheusText.parse("""
                novalue
                bad{link="x" 1
                bad2{link=x} 1
                bad3 notanumber
                {link="x"} 1
                good 2
                """ + "x".repeat(PrometheusText.MAX_LINE_CHARS + 1) + " 1\n");

        assertThat(samples).containsOnlyKeys(Series.of("good"));
        assertThat(PrometheusText.parse(null)).isEmpty();
        assertThat(PrometheusText.parse("")).isEmpty();
    }
}
