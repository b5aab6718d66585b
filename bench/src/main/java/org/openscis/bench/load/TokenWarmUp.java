package org.openscis.bench.load;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openscis.server.client.AppGatewayClient;
import org.openscis.server.client.SignedExchange;

/**
 * Creates the tokens the inquiries of the load phase use: {@code count} CARD_ENROLLMENTs of fresh accounts, at most
 * {@code concurrency} at a time, within an overall deadline.
 */
final class TokenWarmUp {

    /** The tokens, and what the enrolments answered (for the message when none succeeded). */
    record Result(TokenPool pool, Map<String, Long> outcomes) {}

    private final AppGatewayClient client;
    private final RequestFactory requests;

    TokenWarmUp(AppGatewayClient client, RequestFactory requests) {
        this.client = client;
        this.requests = requests;
    }

    Result enroll(int count, int concurrency, Duration deadline, PrintWriter out) throws InterruptedException {
        List<TokenPool.Enrolled> tokens = new ArrayList<>();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(concurrency);
        long end = System.nanoTime() + deadline.toNanos();
        int started = 0;
        for (; started < count; started++) {
            if (!slots.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            RequestFactory.Enrollment e = requests.enrollment();
            client.send(e.spec()).whenComplete((exchange, error) -> {
                try {
                    String outcome = outcome(exchange, error);
                    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                    String token = exchange == null ? null : exchange.trxInfo().string("token");
                    if ("00".equals(outcome) && token != null) {
                        synchronized (tokens) {
                            tokens.add(new TokenPool.Enrolled(e.deviceId(), e.userId(), token));
                        }
                    }
                } finally {
                    slots.release();
                }
            });
        }
        // Every slot back means every started enrolment has finished.
        boolean allBack = slots.tryAcquire(concurrency, Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        Map<String, Long> summary = new TreeMap<>();
        outcomes.forEach((k, v) -> summary.put(k, v.sum()));
        List<TokenPool.Enrolled> copy;
        synchronized (tokens) {
            copy = List.copyOf(tokens);
        }
        out.printf("warm-up: %d of %d enrolments created a token%s; outcomes %s%n", copy.size(), count,
                allBack && started == count ? "" : " (deadline reached)", summary);
        out.flush();
        return new Result(new TokenPool(copy), summary);
    }

    private static String outcome(SignedExchange exchange, Throwable error) {
        if (error != null) {
            return LoadStats.errorKind(error);
        }
        if (!exchange.signatureValid()) {
            return "bad signature";
        }
        String code = exchange.responseCode();
        return code == null ? "HTTP " + exchange.status() : code;
    }
}
