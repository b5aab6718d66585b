package org.openscis.server.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code openscis.callbacks{outcome=delivered|retried|parked}} counters and the {@code openscis.callbacks.pending} /
 * {@code openscis.callbacks.parked} gauges. The gauges show the last count taken, so a scrape never queries the
 * database; the dispatcher refreshes them every few seconds.
 */
final class CallbackMetrics {

    static final String OUTCOMES = "openscis.callbacks";
    static final String PENDING = "openscis.callbacks.pending";
    static final String PARKED = "openscis.callbacks.parked";

    private final Counter delivered;
    private final Counter retried;
    private final Counter parked;
    private final AtomicLong pendingRows = new AtomicLong();
    private final AtomicLong parkedRows = new AtomicLong();

    CallbackMetrics(MeterRegistry registry) {
        delivered = outcome(registry, "delivered", "Callbacks the recipient acknowledged with 00");
        retried = outcome(registry, "retried", "Failed callback attempts scheduled for another try");
        parked = outcome(registry, "parked", "Callbacks given up on (parked until replayed)");
        Gauge.builder(PENDING, pendingRows, AtomicLong::get)
                .description("Callbacks waiting for delivery (last count)").register(registry);
        Gauge.builder(PARKED, parkedRows, AtomicLong::get)
                .description("Parked callbacks waiting for a replay (last count)").register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome, String description) {
        return Counter.builder(OUTCOMES).tag("outcome", outcome).description(description).register(registry);
    }

    void delivered() {
        delivered.increment();
    }

    void retried() {
        retried.increment();
    }

    void parked() {
        parked.increment();
    }

    void counts(OutboxCounts counts) {
        pendingRows.set(counts.pending());
        parkedRows.set(counts.parked());
    }
}
