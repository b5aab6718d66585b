package org.openscis.bench.load;

import java.util.List;

/**
 * The switch's own view of a load phase, from its {@code /metrics}: its outbound links, its worker pool and its
 * callback outbox. Counters are the difference between a scrape just before and one just after the phase; maxima
 * are over the samples taken in between (one a second).
 *
 * @param source              the metrics URL
 * @param samples             scrapes that succeeded (the two ends included)
 * @param failedSamples       scrapes that failed
 * @param problem             why there is nothing to show (no scrape succeeded at both ends), else null
 * @param workersActiveMax    highest {@code openscis.workers.active} (handlers running)
 * @param workersQueueMax     highest {@code openscis.workers.queue} (requests waiting for a worker)
 * @param callbacksPendingMax highest {@code openscis.callbacks.pending} (outbox backlog)
 * @param callbacksPendingEnd {@code openscis.callbacks.pending} at the end of the phase
 * @param callbacksDelivered  callbacks delivered during the phase
 * @param callbacksRetried    failed callback attempts scheduled for another try during the phase
 */
public record SwitchObservation(String source, int samples, int failedSamples, String problem,
        List<LinkObservation> links, double workersActiveMax, double workersQueueMax, double callbacksPendingMax,
        double callbacksPendingEnd, long callbacksDelivered, long callbacksRetried) {

    public SwitchObservation {
        links = List.copyOf(links);
    }

    static SwitchObservation unavailable(String source, int failedSamples, String problem) {
        return new SwitchObservation(source, 0, failedSamples, problem, List.of(), 0, 0, 0, 0, 0, 0);
    }

    public boolean observed() {
        return problem == null;
    }
}
