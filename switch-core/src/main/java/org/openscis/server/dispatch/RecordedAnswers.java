package org.openscis.server.dispatch;

import java.util.Optional;

/**
 * Final answers that a record other than the idempotency claim holds, such as a money movement's final state. The
 * {@link Dispatcher} asks when a retry finds the original's claim still open with nobody on this node running it
 * (the original's node stopped, or it could not store its answer): the final state is then answered at once instead
 * of {@code 04} until the deadline, and forever after; and a request that left no record at all may be run again.
 */
@FunctionalInterface
public interface RecordedAnswers {

    /** No other records: an open claim is only ever answered by its original. */
    RecordedAnswers NONE = (insId, msgId) -> Optional.empty();

    /** The final answer of request ({@code insId}, {@code msgId}), if a record holds one; may block on storage. */
    Optional<RecordedAnswer> find(String insId, String msgId);

    /**
     * Whether a retry may run the handler of a request whose claim its original left open (older than the request
     * deadline, nobody on this node running it): only when a second run cannot repeat what the first did, e.g. a
     * money movement that has no transaction record (the handler's own record, unique per request, then keeps two
     * runs from both moving money). May block on storage.
     */
    default boolean rerunnable(String insId, String msgId, String msgType) {
        return false;
    }

    /** A response code and the unsigned response body carrying it. */
    record RecordedAnswer(String responseCode, byte[] body) {}
}
