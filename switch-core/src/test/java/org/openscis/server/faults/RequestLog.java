package org.openscis.server.faults;

import java.util.ArrayList;
import java.util.List;

/** Every attempt of one request, in order. */
final class RequestLog {

    final Operation op;
    private final List<Attempt> attempts = new ArrayList<>();

    RequestLog(Operation op) {
        this.op = op;
    }

    synchronized void add(Attempt a) {
        attempts.add(a);
    }

    synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The last answer, if it was final (not pending, not a failure to try again); null otherwise. */
    synchronized Attempt finalAnswer() {
        if (attempts.isEmpty()) {
            return null;
        }
        Attempt last = attempts.get(attempts.size() - 1);
        return last.retryable() ? null : last;
    }

    /** Whether the App Gateway was ever told 04. */
    synchronized boolean sawPending() {
        return attempts.stream().anyMatch(Attempt::pending);
    }

    /** The final codes of all attempts (a request must never get two different ones). */
    synchronized List<String> finalCodes() {
        return attempts.stream().filter(a -> !a.retryable()).map(Attempt::code).distinct().toList();
    }

    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder(op.toString()).append(" answers:");
        for (Attempt a : attempts) {
            sb.append(' ').append(a.code()).append(a.status() == 200 || a.status() == 0 ? "" : "/" + a.status());
        }
        return sb.toString();
    }
}
