package org.openscis.router.handler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;

/** A handler that decides on the calling worker thread, with no remote party to wait for. */
abstract class SynchronousHandler implements Handler {

    private final MessageType type;

    SynchronousHandler(MessageType type) {
        this.type = type;
    }

    @Override
    public final MessageType type() {
        return type;
    }

    @Override
    public final CompletionStage<Outcome> handle(Request request) {
        return CompletableFuture.completedFuture(decide(request));
    }

    /** The outcome of one request; business refusals are outcomes, never exceptions. */
    abstract Outcome decide(Request request);
}
