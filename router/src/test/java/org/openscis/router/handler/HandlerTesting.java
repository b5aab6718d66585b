package org.openscis.router.handler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openscis.router.Handler;
import org.openscis.router.Outcome;
import org.openscis.router.Request;

/** Runs a handler and waits for its (normally already completed) outcome. */
final class HandlerTesting {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private HandlerTesting() {}

    static Outcome run(Handler handler, Request request) {
        try {
            return handler.handle(request).toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("handler did not complete normally", e);
        }
    }
}
