package org.openscis.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openscis.bench.load.PrometheusText.Series;

class SwitchSamplerTest {

    private static final String CBS = "cbs-62000001";

    @Test
    void countsArePhaseDifferencesAndGaugesTheirSampledMaxima() {
        Map<Series, Double> first = new HashMap<>();
        first.put(count(CBS, "answered"), 1_000.0);
        first.put(sum(CBS, "answered"), 2.0);
        first.put(Series.of(SwitchSampler.LINK_ERRORS, "link", CBS, "kind", "timeout"), 1.0);
        first.put(Series.of(SwitchSampler.CALLBACKS, "outcome", "delivered"), 10.0);
        Map<Series, Double> last = new HashMap<>(first);
        last.put(count(CBS, "answered"), 3_000.0);
        last.put(sum(CBS, "answered"), 12.0);
        last.put(count(CBS, "no_answer"), 2.0);
        last.put(Series.of(SwitchSampler.LINK_ERRORS, "link", CBS, "kind", "timeout"), 3.0);
        last.put(Series.of(SwitchSampler.LINK_CONNECTIONS, "link", CBS), 4.0);
        last.put(Series.of(SwitchSampler.LINK_CONNECTIONS_PEAK, "link", CBS), 9.0);
        last.put(Series.of(SwitchSampler.LINK_IN_FLIGHT_PEAK, "link", CBS), 11.0);
        last.put(Series.of(SwitchSampler.CALLBACKS, "outcome", "delivered"), 2_010.0);
        last.put(Series.of(SwitchSampler.CALLBACKS_PENDING), 1.0);
        Map<Series, Double> maxima = new HashMap<>();
        maxima.put(Series.of(SwitchSampler.LINK_CONNECTIONS, "link", CBS), 8.0);
        maxima.put(Series.of(SwitchSampler.LINK_IN_FLIGHT, "link", CBS), 7.0);
        maxima.put(Series.of(SwitchSampler.WORKERS_ACTIVE), 16.0);
        maxima.put(Series.of(SwitchSampler.CALLBACKS_PENDING), 25.0);

        SwitchObservation v = SwitchSampler.observe("http://127.0.0.1:8081/metrics", 12, 1, first, last, maxima);

        assertThat(v.observed()).isTrue();
        assertThat(v.links()).hasSize(1);
        LinkObservation cbs = v.links().get(0);
        assertThat(cbs.link()).isEqualTo(CBS);
        assertThat(cbs.answered()).isEqualTo(2_000);
        assertThat(cbs.noAnswer()).isEqualTo(2);
        assertThat(cbs.notSent()).isZero();
        assertThat(cbs.calls()).isEqualTo(2_002);
        // 10 s over 2000 answers.
        assertThat(cbs.answeredMeanMs()).isCloseTo(5.0, within(1e-9));
        assertThat(cbs.connectionsMax()).isEqualTo(8);
        assertThat(cbs.inFlightMax()).isEqualTo(7);
        assertThat(cbs.connectionsPeak()).isEqualTo(9);
        assertThat(cbs.inFlightPeak()).isEqualTo(11);
        assertThat(cbs.errors()).containsExactly(Map.entry("timeout", 2L));
        assertThat(v.workersActiveMax()).isEqualTo(16);
        assertThat(v.callbacksPendingMax()).isEqualTo(25);
        assertThat(v.callbacksPendingEnd()).isEqualTo(1);
        assertThat(v.callbacksDelivered()).isEqualTo(2_000);
        assertThat(ReportWriter.cbsLink(v)).isSameAs(cbs);
    }

    @Test
    void aSwitchWithoutPeakGaugesShowsNone() {
        Map<Series, Double> last = Map.of(Series.of(SwitchSampler.LINK_CONNECTIONS, "link", CBS), 1.0);

        SwitchObservation v = SwitchSampler.observe("u", 2, 0, Map.of(), last, Map.of());

        assertThat(v.links().get(0).connectionsPeak()).isEqualTo(-1);
        assertThat(v.links().get(0).inFlightPeak()).isEqualTo(-1);
        assertThat(v.links().get(0).answeredMeanMs()).isZero();
    }

    @Test
    void scrapesTheAdminListenerAtBothEnds() throws Exception {
        AtomicInteger scrapes = new AtomicInteger();
        HttpServer admin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        admin.createContext("/metrics", exchange -> {
            int n = scrapes.incrementAndGet();
            byte[] body = ("openscis_link_latency_seconds_count{link=\"cbs-1\",outcome=\"answered\"} " + n * 100
                    + "\nopenscis_link_inflight{link=\"cbs-1\"} " + n + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        admin.start();
        try {
            SwitchSampler sampler = new SwitchSampler(new MetricsScraper("http://127.0.0.1:"
                    + admin.getAddress().getPort() + "/"));

            sampler.start();
            SwitchObservation v = sampler.stop();

            assertThat(v.observed()).isTrue();
            assertThat(v.samples()).isEqualTo(scrapes.get()).isGreaterThanOrEqualTo(2);
            LinkObservation link = v.links().get(0);
            assertThat(link.answered()).isEqualTo(100L * (scrapes.get() - 1));
            assertThat(link.inFlightMax()).isEqualTo(scrapes.get());
        } finally {
            admin.stop(0);
        }
    }

    @Test
    void anUnreachableSwitchIsAValueNotAFailure() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        SwitchSampler sampler = new SwitchSampler(new MetricsScraper("http://127.0.0.1:" + closedPort));

        sampler.start();
        SwitchObservation v = sampler.stop();

        assertThat(v.observed()).isFalse();
        assertThat(v.problem()).contains("127.0.0.1:" + closedPort + "/metrics");
        assertThat(v.failedSamples()).isGreaterThanOrEqualTo(2);
    }

    private static Series count(String link, String outcome) {
        return Series.of(SwitchSampler.LINK_LATENCY_COUNT, "link", link, "outcome", outcome);
    }

    private static Series sum(String link, String outcome) {
        return Series.of(SwitchSampler.LINK_LATENCY_SUM, "link", link, "outcome", outcome);
    }
}
