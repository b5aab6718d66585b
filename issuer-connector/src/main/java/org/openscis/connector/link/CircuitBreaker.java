package org.openscis.connector.link;

import java.time.Duration;
import java.time.Instant;

/**
 * Consecutive-failure circuit breaker. Closed: every call goes. After {@code threshold} failures in a row (connect
 * failures, timeouts, lost connections) it opens for {@code openFor}: calls are refused. Then it half-opens: one call
 * (the probe) goes; its success closes the circuit, its failure opens it again. Any answer from the peer counts as a
 * success, even an unusable one: the breaker guards against an unreachable or hanging peer, not a misbehaving one.
 * Not thread-safe: used on the link's event loop only.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    enum Admission { ALLOW, PROBE, REJECT }

    private final int threshold;
    private final Duration openFor;
    private State state = State.CLOSED;
    private int failuresInARow;
    private Instant openUntil = Instant.MIN;
    private boolean probeOutstanding;

    CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = threshold;
        this.openFor = openFor;
    }

    /** Whether a new call may go now; PROBE makes it the half-open probe (the caller reports how it ended). */
    Admission admit(Instant now) {
        switch (state) {
            case CLOSED:
                return Admission.ALLOW;
            case OPEN:
                if (now.isBefore(openUntil)) {
                    return Admission.REJECT;
                }
                state = State.HALF_OPEN;
                probeOutstanding = true;
                return Admission.PROBE;
            default:
                if (probeOutstanding) {
                    return Admission.REJECT;
                }
                probeOutstanding = true;
                return Admission.PROBE;
        }
    }

    /** Records a failure; true if it opened the circuit. */
    boolean onFailure(Instant now) {
        failuresInARow++;
        if (state == State.HALF_OPEN || (state == State.CLOSED && failuresInARow >= threshold)) {
            state = State.OPEN;
            openUntil = now.plus(openFor);
            probeOutstanding = false;
            return true;
        }
        return false;
    }

    /** The peer answered: close the circuit. */
    void onSuccess() {
        failuresInARow = 0;
        state = State.CLOSED;
        probeOutstanding = false;
    }

    /** The probe ended without reaching the peer for a reason that says nothing about it (e.g. its deadline). */
    void onProbeAbandoned() {
        if (state == State.HALF_OPEN) {
            probeOutstanding = false;
        }
    }

    State state() {
        return state;
    }

    Instant openUntil() {
        return openUntil;
    }

    int failuresInARow() {
        return failuresInARow;
    }
}
