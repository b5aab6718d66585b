package org.openscis.server.faults;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openscis.codec.envelope.TrxInfo;
import org.openscis.server.client.RequestSpec;
import org.openscis.server.client.SignedExchange;

/**
 * The App Gateway's retry policy: a request that gets no answer, {@code 04}, {@code 96} or HTTP 503 is sent again
 * with the same msgID and the same trxInfo (encrypted fields included, so its fingerprint stays the same), after a
 * doubling pause, at most {@code maxAttempts} times. While the switch is stopped the next attempt waits for it.
 */
final class RetryingGateway {

    static final long FIRST_PAUSE_MILLIS = 150;
    static final long MAX_PAUSE_MILLIS = 1_200;
    /** A guard above the client's own request timeout. */
    static final Duration ATTEMPT_GUARD = FaultySwitch.REQUEST_DEADLINE.plusSeconds(6);

    private final FaultySwitch sw;
    private final ScheduledExecutorService executor;
    private final int maxAttempts;

    RetryingGateway(FaultySwitch sw, ScheduledExecutorService executor, int maxAttempts) {
        this.sw = sw;
        this.executor = executor;
        this.maxAttempts = maxAttempts;
    }

    /** Sends until a final answer or the attempts run out; completes with the last attempt, never exceptionally. */
    CompletableFuture<Attempt> send(String msgType, String msgId, TrxInfo wireTrxInfo, RequestLog log) {
        CompletableFuture<Attempt> result = new CompletableFuture<>();
        attempt(msgType, msgId, wireTrxInfo, log, 1, result);
        return result;
    }

    private void attempt(String msgType, String msgId, TrxInfo trx, RequestLog log, int n,
            CompletableFuture<Attempt> result) {
        RequestSpec spec = RequestSpec.builder(msgType).msgId(msgId).trxInfo(trx).encryptSensitiveFields(false)
                .build();
        sw.up().thenComposeAsync(v -> sw.client().send(spec), executor)
                .orTimeout(ATTEMPT_GUARD.toMillis(), TimeUnit.MILLISECONDS)
                .handle((ex, error) -> error != null ? Attempt.noAnswer() : toAttempt(ex))
                .thenAccept(a -> {
                    if (log != null) {
                        log.add(a);
                    }
                    if (!a.retryable() || n >= maxAttempts) {
                        result.complete(a);
                        return;
                    }
                    long pause = Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(n - 1, 10));
                    executor.schedule(() -> attempt(msgType, msgId, trx, log, n + 1, result), pause,
                            TimeUnit.MILLISECONDS);
                })
                .exceptionally(e -> {
                    result.complete(Attempt.noAnswer());
                    return null;
                });
    }

    private static Attempt toAttempt(SignedExchange ex) {
        return new Attempt(ex.status(), ex.responseCode(), ex.signatureValid(), ex.trxInfo());
    }
}
