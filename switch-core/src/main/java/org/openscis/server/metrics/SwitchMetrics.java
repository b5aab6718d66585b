package org.openscis.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The switch's meters: requests by message type and response code, latency histograms by type, gate rejections by
 * reason, HTTP-level refusals by status, and warnings. Meters are cached so the hot path does no registry lookups.
 */
public final class SwitchMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public SwitchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** One answered message: its type, response code and HTTP status, and how long the switch took. */
    public void response(String type, String code, int httpStatus, long nanos) {
        counters.computeIfAbsent("r|" + type + "|" + code + "|" + httpStatus, k -> Counter.builder("openscis.requests")
                .description("Messages answered, by message type, response code and HTTP status")
                .tag("type", type).tag("code", code).tag("http", Integer.toString(httpStatus))
                .register(registry)).increment();
        timers.computeIfAbsent(type, t -> Timer.builder("openscis.request.latency")
                .description("Time from a complete request to its response being written")
                .tag("type", t).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A message refused by the security gate (decisions.md §3), by reason tag. */
    public void gateRejection(String reason) {
        count("openscis.gate.rejections", "Messages refused by the security gate", "reason", reason);
    }

    /** A request refused at the HTTP level (no envelope), by status. */
    public void httpError(int status) {
        count("openscis.http.errors", "Requests refused at the HTTP level", "status", Integer.toString(status));
    }

    /** A check that only warns (e.g. UPI-REQPATH in WARN mode). */
    public void warning(String reason) {
        count("openscis.gate.warnings", "Gate checks that passed with a warning", "reason", reason);
    }

    /** Requests refused with 503 unprocessed because the switch was saturated: {@code queue_full}, {@code queue_wait}, or
     * {@code connections} (a connection closed at once beyond {@code limits.maxConnections}). */
    public void overload(String why) {
        count("openscis.overload", "Requests refused with 503 because the switch was saturated", "why", why);
    }

    private void count(String name, String description, String tag, String value) {
        counters.computeIfAbsent(name + "|" + value, k -> Counter.builder(name).description(description)
                .tag(tag, value).register(registry)).increment();
    }
}
