package org.openscis.connector.link;

import java.util.Arrays;
import org.openscis.codec.envelope.Envelope;

/**
 * What became of one {@link PeerLink#post}. The line between {@link NotSent} and {@link NoAnswer} is whether the
 * peer can have acted: {@code NotSent} only when no byte of the request was written to a socket, {@code NoAnswer}
 * as soon as any may have been.
 */
public sealed interface LinkResult {

    /**
     * The peer answered with a body whose {@code UPI-JWS} verified with its key and which decoded as an envelope.
     * {@code httpStatus} is kept as received (a signed envelope with a non-200 status is still an answer);
     * {@code body} is the raw body the signature covers.
     */
    record Answered(int httpStatus, Envelope envelope, byte[] body) implements LinkResult {

        @Override
        public boolean equals(Object o) {
            return o instanceof Answered a && a.httpStatus == httpStatus && a.envelope.equals(envelope)
                    && Arrays.equals(a.body, body);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * httpStatus + envelope.hashCode()) + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            // The body may hold card data; the envelope's TrxInfo masks itself.
            return "Answered[" + httpStatus + " " + envelope + "]";
        }
    }

    /** The request was certainly never written: the peer cannot have acted on it. */
    record NotSent(NotSentReason reason, String detail) implements LinkResult {}

    /** The request may have reached the peer but no usable answer came back: the outcome is unknown. */
    record NoAnswer(NoAnswerReason reason, String detail) implements LinkResult {}

    enum NotSentReason {
        /** No connection could be made (refused, unreachable, connect or TLS handshake failed, or backing off). */
        CONNECT_FAILED,
        /** Too many failures in a row: calls are refused until the circuit half-opens. */
        CIRCUIT_OPEN,
        /** The deadline passed (or had passed) before a connection was free. */
        DEADLINE_BEFORE_SEND,
        /** The wait queue was full. */
        OVERLOADED,
        /** The link is closed, or the request could not be prepared (signed) at all. */
        CLOSED
    }

    enum NoAnswerReason {
        /** No complete answer within the call timeout (or the deadline, if sooner); the connection was closed. */
        TIMEOUT,
        /** The connection failed or closed after the request was (being) written. */
        CONNECTION_LOST,
        /** The answer had no usable {@code UPI-JWS}, named another appId or an unknown key, or did not verify. */
        BAD_SIGNATURE,
        /** The answer was not HTTP, too large, or its body was not an envelope. */
        BAD_RESPONSE
    }
}
