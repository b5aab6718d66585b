package org.openscis.bench.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.RequestSpec;
import org.openscis.server.client.SignedExchange;

/**
 * Sends a fixed number of requests with at most {@code concurrency} in flight, within an overall deadline (the
 * warm-up enrolments, the clean-up deletions). Not load: it goes as fast as the switch answers, gently.
 */
final class RequestBatch {

    /** One request of the batch and what to do when the switch approves it (called on a client thread). */
    interface Item {
        RequestSpec spec();

        void approved(SignedExchange exchange);
    }

    /**
     * @param outcomes  response code (or "no response: ..." cause) counts
     * @param started   requests sent
     * @param complete  every request was sent and answered before the deadline
     */
    record Result(Map<String, Long> outcomes, int started, boolean complete) {

        long approved() {
            return outcomes.getOrDefault("00", 0L);
        }
    }

    private RequestBatch() {}

    static Result run(AppGatewayClient client, int count, IntFunction<Item> items, int concurrency,
            Duration deadline) throws InterruptedException {
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(concurrency);
        long end = System.nanoTime() + deadline.toNanos();
        int started = 0;
        for (; started < count; started++) {
            if (!slots.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            Item item;
            try {
                item = items.apply(started);
                client.send(item.spec()).whenComplete((exchange, error) -> {
                    try {
                        String outcome = outcome(exchange, error);
                        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                        if ("00".equals(outcome)) {
                            item.approved(exchange);
                        }
                    } finally {
                        slots.release();
                    }
                });
            } catch (RuntimeException e) {
                outcomes.computeIfAbsent("no response: " + LoadStats.errorKind(e), k -> new LongAdder())
                        .increment();
                slots.release();
            }
        }
        // Every slot back means every started request has finished.
        boolean allBack = slots.tryAcquire(concurrency, Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        Map<String, Long> summary = new TreeMap<>();
        outcomes.forEach((k, v) -> summary.put(k, v.sum()));
        return new Result(summary, started, allBack && started == count);
    }

    /** The response code of a signed response, or why there is none to trust. */
    static String outcome(SignedExchange exchange, Throwable error) {
        if (error != null) {
            return "no response: " + LoadStats.errorKind(error);
        }
        if (!exchange.signatureValid()) {
            return "bad signature";
        }
        String code = exchange.responseCode();
        return code == null ? "HTTP " + exchange.status() : code;
    }
}
