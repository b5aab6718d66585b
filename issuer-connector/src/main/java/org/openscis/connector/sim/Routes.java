package org.openscis.connector.sim;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openscis.connector.cbs.CbsProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to each request, on the event loop and without blocking: HTTP rules (400 malformed, 413 body
 * too large, 404 unknown path, 405 not POST), the fault plan, and hands the blocking work (CBS messages, admin requests) to the
 * bounded worker executor. A full executor answers 503 at once (with a signed 96 envelope on CBS paths).
 */
final class Routes {

    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private final CbsEndpoint cbs;
    private final AdminEndpoint admin;
    private final FaultPlan faults;
    private final Executor workers;
    private final int maxBodyBytes;

    Routes(CbsEndpoint cbs, AdminEndpoint admin, FaultPlan faults, Executor workers, int maxBodyBytes) {
        this.cbs = cbs;
        this.admin = admin;
        this.faults = faults;
        this.workers = workers;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * The action for {@code request}; {@code timer} (the connection's event loop) schedules late processing.
     * The future may complete on a worker thread.
     */
    CompletableFuture<SimAction> route(SimRequest request, ScheduledExecutorService timer) {
        if (request.decoderFailed()) {
            return done(HttpBodies.error(400, "malformed HTTP request", true));
        }
        if (request.oversized()) {
            return done(HttpBodies.error(413, "body larger than " + maxBodyBytes + " bytes", false));
        }
        if (request.path().startsWith(AdminEndpoint.PREFIX)) {
            return onWorker(() -> admin.handle(request),
                    () -> HttpBodies.error(503, "simulator overloaded", false));
        }
        String type = CbsProtocol.typeOfDefaultPath(request.path());
        if (type == null) {
            return done(HttpBodies.error(404, "no such path", false));
        }
        if (!"POST".equals(request.method())) {
            return done(HttpBodies.error(405, "only POST is allowed", false, Map.of("Allow", "POST")));
        }
        Supplier<SimAction> process = () -> cbs.handle(request, type);
        Supplier<SimAction> overloaded = () -> cbs.unavailable(request);
        Optional<FaultRule> fault = faults.next(type);
        if (fault.isEmpty()) {
            return onWorker(process, overloaded);
        }
        FaultRule rule = fault.get();
        LOG.debug("Simulator fault {} on a {} message", rule.action(), type);
        switch (rule.action()) {
            case RESPOND:
                return onWorker(() -> cbs.respondWith(request, rule.responseCode()), overloaded);
            case DELAY:
                if (rule.applyBeforeFault()) {
                    return onWorker(process, overloaded).thenApply(action -> action instanceof SimAction.Reply reply
                            ? reply.delayed(rule.delayMillis()) : action);
                }
                return later(timer, rule.delayMillis(), process, overloaded);
            case NO_ANSWER:
                return rule.applyBeforeFault() ? onWorker(process, overloaded).thenApply(a -> new SimAction.Hang())
                        : done(new SimAction.Hang());
            case DROP:
                return rule.applyBeforeFault() ? onWorker(process, overloaded).thenApply(a -> new SimAction.Drop())
                        : done(new SimAction.Drop());
            default:
                throw new IllegalStateException("unknown fault action " + rule.action());
        }
    }

    private CompletableFuture<SimAction> onWorker(Supplier<SimAction> work, Supplier<SimAction> overloaded) {
        try {
            return CompletableFuture.supplyAsync(work, workers);
        } catch (RejectedExecutionException e) {
            return done(overloaded.get());
        }
    }

    private CompletableFuture<SimAction> later(ScheduledExecutorService timer, long delayMillis,
            Supplier<SimAction> work, Supplier<SimAction> overloaded) {
        CompletableFuture<SimAction> result = new CompletableFuture<>();
        timer.schedule(() -> onWorker(work, overloaded).whenComplete((action, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(action);
            }
        }), delayMillis, TimeUnit.MILLISECONDS);
        return result;
    }

    private static CompletableFuture<SimAction> done(SimAction action) {
        return CompletableFuture.completedFuture(action);
    }
}
