package org.openscis.bench.load;

import java.util.Map;

/**
 * One of the switch's outbound links (the CBS link {@code cbs-<iin>}, a callback link {@code callbacks-<n>}) as its
 * meters showed it during a load phase.
 *
 * @param answered         calls answered in the phase
 * @param notSent          calls never sent (overloaded, circuit open, deadline, connect failure)
 * @param noAnswer         calls sent and not answered (timeout, connection lost, bad answer)
 * @param answeredMeanMs   mean time from post to answer, answered calls of the phase
 * @param connectionsMax   highest {@code openscis.link.connections} seen by the samples of the phase
 * @param inFlightMax      highest {@code openscis.link.inflight} seen by the samples
 * @param queuedMax        highest {@code openscis.link.queued} seen by the samples
 * @param connectionsPeak  {@code openscis.link.connections.peak} at the end: the most at once since the link
 *                         started (catches bursts between samples), or -1 when the switch does not export it
 * @param inFlightPeak     {@code openscis.link.inflight.peak} likewise, or -1
 * @param errors           calls not sent or unanswered in the phase, by kind
 */
public record LinkObservation(String link, long answered, long notSent, long noAnswer, double answeredMeanMs,
        int connectionsMax, int inFlightMax, int queuedMax, int connectionsPeak, int inFlightPeak,
        Map<String, Long> errors) {

    public LinkObservation {
        errors = Map.copyOf(errors);
    }

    public long calls() {
        return answered + notSent + noAnswer;
    }
}
