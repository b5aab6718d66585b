package org.openscis.router.handler;

import java.util.concurrent.CompletionStage;
import org.openscis.router.Handler;
import org.openscis.router.MessageType;
import org.openscis.router.Outcome;
import org.openscis.router.Request;

/**
 * A handler that checks on the calling worker thread and then may wait for the CBS without holding it: its stage
 * completes on the thread that delivers the CBS reply.
 */
abstract class MoneyHandler implements Handler {

    private final MessageType type;

    MoneyHandler(MessageType type) {
        this.type = type;
    }

    @Override
    public final MessageType type() {
        return type;
    }

    @Override
    public final CompletionStage<Outcome> handle(Request request) {
        return decide(request);
    }

    /** The outcome of one request; business refusals are outcomes, never exceptions. */
    abstract CompletionStage<Outcome> decide(Request request);
}
