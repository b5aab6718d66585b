package org.openscis.connector.link;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openscis.connector.link.LinkResult.NoAnswerReason;
import org.openscis.connector.link.LinkResult.NotSentReason;

/**
 * A link's meters, all tagged {@code link=<name>}: timer {@code openscis.link.latency} by {@code outcome}
 * (answered, not_sent, no_answer), counter {@code openscis.link.errors} by {@code kind} (the reason in lower case),
 * gauges {@code openscis.link.inflight}, {@code openscis.link.connections}, {@code openscis.link.queued}, and the
 * highest values since the link started, {@code openscis.link.connections.peak} and {@code openscis.link.inflight.peak}
 * (a scrape every few seconds misses short bursts; the peaks do not).
 */
final class LinkMetrics {

    static final String LATENCY = "openscis.link.latency";
    static final String ERRORS = "openscis.link.errors";
    static final String IN_FLIGHT = "openscis.link.inflight";
    static final String CONNECTIONS = "openscis.link.connections";
    static final String QUEUED = "openscis.link.queued";
    static final String CONNECTIONS_PEAK = "openscis.link.connections.peak";
    static final String IN_FLIGHT_PEAK = "openscis.link.inflight.peak";

    private final MeterRegistry registry;
    private final Timer answered;
    private final Timer notSent;
    private final Timer noAnswer;
    private final Map<NotSentReason, Counter> notSentErrors = new EnumMap<>(NotSentReason.class);
    private final Map<NoAnswerReason, Counter> noAnswerErrors = new EnumMap<>(NoAnswerReason.class);
    private final List<Meter> meters = new ArrayList<>();

    LinkMetrics(String link, MeterRegistry registry, LinkCounters counters) {
        this.registry = registry;
        this.answered = timer(link, "answered");
        this.notSent = timer(link, "not_sent");
        this.noAnswer = timer(link, "no_answer");
        for (NotSentReason r : NotSentReason.values()) {
            notSentErrors.put(r, counter(link, r.name()));
        }
        for (NoAnswerReason r : NoAnswerReason.values()) {
            noAnswerErrors.put(r, counter(link, r.name()));
        }
        meters.add(Gauge.builder(IN_FLIGHT, counters, LinkCounters::inFlight).tag("link", link)
                .description("requests sent and not yet answered").register(registry));
        meters.add(Gauge.builder(CONNECTIONS, counters, LinkCounters::connections).tag("link", link)
                .description("connections established").register(registry));
        meters.add(Gauge.builder(QUEUED, counters, LinkCounters::queued).tag("link", link)
                .description("calls waiting for a connection").register(registry));
        meters.add(Gauge.builder(CONNECTIONS_PEAK, counters, LinkCounters::peakConnections).tag("link", link)
                .description("most connections established at once since the link started").register(registry));
        meters.add(Gauge.builder(IN_FLIGHT_PEAK, counters, LinkCounters::peakInFlight).tag("link", link)
                .description("most requests in flight at once since the link started").register(registry));
    }

    private Timer timer(String link, String outcome) {
        Timer t = Timer.builder(LATENCY).tag("link", link).tag("outcome", outcome)
                .description("from post to result").register(registry);
        meters.add(t);
        return t;
    }

    private Counter counter(String link, String reason) {
        Counter c = Counter.builder(ERRORS).tag("link", link).tag("kind", reason.toLowerCase(Locale.ROOT))
                .description("calls that got no answer or were not sent").register(registry);
        meters.add(c);
        return c;
    }

    void record(LinkResult result, long nanos) {
        if (result instanceof LinkResult.NotSent n) {
            notSent.record(nanos, TimeUnit.NANOSECONDS);
            notSentErrors.get(n.reason()).increment();
        } else if (result instanceof LinkResult.NoAnswer n) {
            noAnswer.record(nanos, TimeUnit.NANOSECONDS);
            noAnswerErrors.get(n.reason()).increment();
        } else {
            answered.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Takes the link's meters out of the registry. */
    void remove() {
        for (Meter m : meters) {
            registry.remove(m);
        }
    }
}
