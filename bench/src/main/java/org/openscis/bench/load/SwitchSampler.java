package org.openscis.bench.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openscis.bench.load.PrometheusText.Series;

/**
 * Watches the switch's meters during one load phase: a scrape at the start, one a second while the phase runs
 * (keeping the highest value of each gauge), and one at the end; {@link #stop()} turns them into a
 * {@link SwitchObservation}. Scraping costs the switch little (a few hundred lines of text a second).
 */
final class SwitchSampler {

    static final String LINK_CONNECTIONS = "openscis_link_connections";
    static final String LINK_IN_FLIGHT = "openscis_link_inflight";
    static final String LINK_QUEUED = "openscis_link_queued";
    static final String LINK_CONNECTIONS_PEAK = "openscis_link_connections_peak";
    static final String LINK_IN_FLIGHT_PEAK = "openscis_link_inflight_peak";
    static final String LINK_LATENCY_COUNT = "openscis_link_latency_seconds_count";
    static final String LINK_LATENCY_SUM = "openscis_link_latency_seconds_sum";
    static final String LINK_ERRORS = "openscis_link_errors_total";
    static final String WORKERS_ACTIVE = "openscis_workers_active";
    static final String WORKERS_QUEUE = "openscis_workers_queue";
    static final String CALLBACKS_PENDING = "openscis_callbacks_pending";
    static final String CALLBACKS = "openscis_callbacks_total";

    private static final Set<String> GAUGES = Set.of(LINK_CONNECTIONS, LINK_IN_FLIGHT, LINK_QUEUED, WORKERS_ACTIVE,
            WORKERS_QUEUE, CALLBACKS_PENDING);
    private static final long PERIOD_MILLIS = 1_000;
    private static final long STOP_WAIT_MILLIS = 5_000;
    private static final double MILLIS_PER_SECOND = 1_000.0;

    private final MetricsScraper scraper;
    private final Map<Series, Double> maxima = new HashMap<>();
    private ScheduledExecutorService timer;
    private Map<Series, Double> first;
    private int samples;
    private int failed;
    private String lastProblem;

    SwitchSampler(MetricsScraper scraper) {
        this.scraper = scraper;
    }

    /** Scrapes once now (the baseline), then once a second until {@link #stop()}. */
    synchronized void start() {
        first = take();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "switch-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops sampling, scrapes a last time and compares with the baseline. */
    SwitchObservation stop() throws InterruptedException {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
        }
        if (t != null) {
            t.shutdownNow();
            t.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
        synchronized (this) {
            Map<Series, Double> last = take();
            if (first == null || last == null) {
                return SwitchObservation.unavailable(scraper.uri().toString(), failed, lastProblem);
            }
            return observe(scraper.uri().toString(), samples, failed, first, last, maxima);
        }
    }

    private synchronized void sample() {
        take();
    }

    /** One scrape: counted, folded into the maxima; null if it failed. */
    private Map<Series, Double> take() {
        MetricsScraper.Scrape scrape = scraper.scrape();
        if (scrape instanceof MetricsScraper.Scrape.Ok ok) {
            samples++;
            ok.samples().forEach((series, value) -> {
                if (GAUGES.contains(series.name()) && !value.isNaN()) {
                    maxima.merge(series, value, Math::max);
                }
            });
            return ok.samples();
        }
        failed++;
        lastProblem = ((MetricsScraper.Scrape.Failed) scrape).reason();
        return null;
    }

    /** The phase between two scrapes, with the gauges' maxima over all samples; pure, for tests. */
    static SwitchObservation observe(String source, int samples, int failed, Map<Series, Double> first,
            Map<Series, Double> last, Map<Series, Double> maxima) {
        Set<String> links = new TreeSet<>();
        for (Series s : last.keySet()) {
            if (s.name().startsWith("openscis_link_") && s.label("link") != null) {
                links.add(s.label("link"));
            }
        }
        List<LinkObservation> observed = new ArrayList<>();
        for (String link : links) {
            long answered = delta(first, last, Series.of(LINK_LATENCY_COUNT, "link", link, "outcome", "answered"));
            double answeredSeconds = deltaValue(first, last,
                    Series.of(LINK_LATENCY_SUM, "link", link, "outcome", "answered"));
            Map<String, Long> errors = new TreeMap<>();
            for (Series s : last.keySet()) {
                if (s.name().equals(LINK_ERRORS) && link.equals(s.label("link")) && s.label("kind") != null) {
                    long d = delta(first, last, s);
                    if (d > 0) {
                        errors.put(s.label("kind"), d);
                    }
                }
            }
            observed.add(new LinkObservation(link, answered,
                    delta(first, last, Series.of(LINK_LATENCY_COUNT, "link", link, "outcome", "not_sent")),
                    delta(first, last, Series.of(LINK_LATENCY_COUNT, "link", link, "outcome", "no_answer")),
                    answered == 0 ? 0 : answeredSeconds * MILLIS_PER_SECOND / answered,
                    (int) max(maxima, Series.of(LINK_CONNECTIONS, "link", link)),
                    (int) max(maxima, Series.of(LINK_IN_FLIGHT, "link", link)),
                    (int) max(maxima, Series.of(LINK_QUEUED, "link", link)),
                    (int) last.getOrDefault(Series.of(LINK_CONNECTIONS_PEAK, "link", link), -1.0).doubleValue(),
                    (int) last.getOrDefault(Series.of(LINK_IN_FLIGHT_PEAK, "link", link), -1.0).doubleValue(),
                    errors));
        }
        return new SwitchObservation(source, samples, failed, null, observed,
                max(maxima, Series.of(WORKERS_ACTIVE)), max(maxima, Series.of(WORKERS_QUEUE)),
                max(maxima, Series.of(CALLBACKS_PENDING)), last.getOrDefault(Series.of(CALLBACKS_PENDING), 0.0),
                delta(first, last, Series.of(CALLBACKS, "outcome", "delivered")),
                delta(first, last, Series.of(CALLBACKS, "outcome", "retried")));
    }

    private static double max(Map<Series, Double> maxima, Series s) {
        return maxima.getOrDefault(s, 0.0);
    }

    private static long delta(Map<Series, Double> first, Map<Series, Double> last, Series s) {
        return Math.round(deltaValue(first, last, s));
    }

    /** A counter's growth; a counter that went down (switch restarted) counts from zero. */
    private static double deltaValue(Map<Series, Double> first, Map<Series, Double> last, Series s) {
        double end = last.getOrDefault(s, 0.0);
        double start = first.getOrDefault(s, 0.0);
        return end >= start ? end - start : end;
    }
}
