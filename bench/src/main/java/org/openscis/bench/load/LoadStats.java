package org.openscis.bench.load;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.openscis.server.client.ClientBusyException;
import org.openscis.server.client.ConnectionClosedException;
import org.openscis.server.client.ResponseTooLargeException;
import org.openscis.server.client.SignedExchange;

/**
 * Counters and latency histograms of one phase, written from sender threads and the client's event loop threads.
 * Latencies are recorded in microseconds with three significant digits; besides the per type totals an interval
 * recorder feeds the once-a-second progress line.
 */
final class LoadStats {

    static final int SIGNIFICANT_DIGITS = 3;
    /** Response code bucket for a response without {@code msgResponse.responseCode}. */
    static final String NO_CODE = "-";

    private final Map<LoadType, PerType> byType = new EnumMap<>(LoadType.class);
    private final Map<Integer, LongAdder> httpStatuses = new ConcurrentHashMap<>();
    private final Recorder interval = new Recorder(SIGNIFICANT_DIGITS);
    private final ConcurrentHistogram sendLag = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
    private final ConcurrentHistogram overall = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
    private final LongAdder sent = new LongAdder();
    private final LongAdder finished = new LongAdder();
    private final LongAdder errors = new LongAdder();

    LoadStats(Mix mix) {
        for (Mix.Entry e : mix.entries()) {
            byType.put(e.type(), new PerType());
        }
    }

    /** A request was handed to the client {@code lagNanos} after its intended send time. */
    void sent(LoadType type, long lagNanos) {
        sent.increment();
        byType.get(type).sent.increment();
        sendLag.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(lagNanos)));
    }

    /** A response arrived {@code latencyNanos} after the request's intended send time. */
    void response(LoadType type, long latencyNanos, SignedExchange exchange) {
        PerType t = byType.get(type);
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(latencyNanos));
        t.latency.recordValue(micros);
        overall.recordValue(micros);
        interval.recordValue(micros);
        t.responses.increment();
        String code = exchange.responseCode();
        t.codes.computeIfAbsent(code == null ? NO_CODE : code, k -> new LongAdder()).increment();
        if (!exchange.signatureValid()) {
            t.badSignatures.increment();
        } else if ("00".equals(code)) {
            t.approved.increment();
        }
        httpStatuses.computeIfAbsent(exchange.status(), k -> new LongAdder()).increment();
        finished.increment();
    }

    /** No response: the request failed with {@code cause}. */
    void error(LoadType type, Throwable cause) {
        byType.get(type).errors.computeIfAbsent(errorKind(cause), k -> new LongAdder()).increment();
        errors.increment();
        finished.increment();
    }

    long sent() {
        return sent.sum();
    }

    /** Requests with a response or an error. */
    long finished() {
        return finished.sum();
    }

    long errors() {
        return errors.sum();
    }

    long outstanding() {
        return sent.sum() - finished.sum();
    }

    /** Latencies since the previous call (for the progress line). */
    Histogram intervalHistogram() {
        return interval.getIntervalHistogram();
    }

    PhaseResult result(double elapsedSeconds) {
        List<TypeResult> types = new ArrayList<>();
        for (Map.Entry<LoadType, PerType> e : byType.entrySet()) {
            PerType t = e.getValue();
            types.add(new TypeResult(e.getKey(), t.sent.sum(), t.responses.sum(), t.approved.sum(),
                    t.badSignatures.sum(), LatencySummary.ofMicros(t.latency.copy()), sums(t.codes), sums(t.errors)));
        }
        Map<Integer, Long> statuses = new TreeMap<>();
        httpStatuses.forEach((status, count) -> statuses.put(status, count.sum()));
        return new PhaseResult(elapsedSeconds, types, statuses, outstanding(),
                LatencySummary.ofMicros(sendLag.copy()), LatencySummary.ofMicros(overall.copy()));
    }

    /** A short, stable name for why a request got no response. */
    static String errorKind(Throwable cause) {
        Throwable t = cause;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TimeoutException) {
            return "timeout";
        }
        if (t instanceof ClientBusyException) {
            return "client busy (queue full)";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof ConnectionClosedException) {
            return "connection closed";
        }
        if (t instanceof ResponseTooLargeException) {
            return "response too large";
        }
        return t == null ? "unknown" : t.getClass().getSimpleName();
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static final class PerType {
        final LongAdder sent = new LongAdder();
        final LongAdder responses = new LongAdder();
        final LongAdder approved = new LongAdder();
        final LongAdder badSignatures = new LongAdder();
        final ConcurrentHistogram latency = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
        final Map<String, LongAdder> codes = new ConcurrentHashMap<>();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    }
}
