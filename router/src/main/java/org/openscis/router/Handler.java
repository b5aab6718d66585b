package org.openscis.router;

import java.util.concurrent.CompletionStage;

/**
 * The business logic of one message type. Runs on a bounded worker executor (never an event loop), so it may call
 * blocking ports; it returns a stage so that later flows can wait for remote parties without holding a thread.
 * Business outcomes are {@link Outcome} values; an exception means a bug or an unavailable dependency (code 96).
 */
public interface Handler {

    MessageType type();

    CompletionStage<Outcome> handle(Request request);
}
