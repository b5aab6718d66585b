package org.openscis.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * Several rounds of the same mix as one phase: counts add up, the mean latency is weighted by the answers,
     * maxima and peaks are the highest, the pending callbacks at the end are the last round's. Rounds that could not
     * be observed only add their failed scrapes; if none was observed, the result is not either.
     */
    static SwitchObservation merge(List<SwitchObservation> rounds) {
        if (rounds.size() == 1) {
            return rounds.get(0);
        }
        List<SwitchObservation> seen = rounds.stream().filter(SwitchObservation::observed).toList();
        int failed = rounds.stream().mapToInt(SwitchObservation::failedSamples).sum();
        String source = rounds.isEmpty() ? "" : rounds.get(0).source();
        if (seen.isEmpty()) {
            return unavailable(source, failed, rounds.isEmpty() ? "no round" : rounds.get(rounds.size() - 1).problem());
        }
        Map<String, List<LinkObservation>> byLink = new LinkedHashMap<>();
        for (SwitchObservation r : seen) {
            for (LinkObservation l : r.links()) {
                byLink.computeIfAbsent(l.link(), k -> new ArrayList<>()).add(l);
            }
        }
        List<LinkObservation> links = new ArrayList<>();
        byLink.forEach((link, parts) -> {
            long answered = 0;
            long notSent = 0;
            long noAnswer = 0;
            double answeredMs = 0;
            int connections = 0;
            int inFlight = 0;
            int queued = 0;
            int connectionsPeak = -1;
            int inFlightPeak = -1;
            Map<String, Long> errors = new TreeMap<>();
            for (LinkObservation l : parts) {
                answered += l.answered();
                notSent += l.notSent();
                noAnswer += l.noAnswer();
                answeredMs += l.answeredMeanMs() * l.answered();
                connections = Math.max(connections, l.connectionsMax());
                inFlight = Math.max(inFlight, l.inFlightMax());
                queued = Math.max(queued, l.queuedMax());
                connectionsPeak = Math.max(connectionsPeak, l.connectionsPeak());
                inFlightPeak = Math.max(inFlightPeak, l.inFlightPeak());
                l.errors().forEach((k, n) -> errors.merge(k, n, Long::sum));
            }
            links.add(new LinkObservation(link, answered, notSent, noAnswer, answered == 0 ? 0 : answeredMs / answered,
                    connections, inFlight, queued, connectionsPeak, inFlightPeak, errors));
        });
        SwitchObservation last = seen.get(seen.size() - 1);
        return new SwitchObservation(source, seen.stream().mapToInt(SwitchObservation::samples).sum(), failed, null,
                links, seen.stream().mapToDouble(SwitchObservation::workersActiveMax).max().orElse(0),
                seen.stream().mapToDouble(SwitchObservation::workersQueueMax).max().orElse(0),
                seen.stream().mapToDouble(SwitchObservation::callbacksPendingMax).max().orElse(0),
                last.callbacksPendingEnd(), seen.stream().mapToLong(SwitchObservation::callbacksDelivered).sum(),
                seen.stream().mapToLong(SwitchObservation::callbacksRetried).sum());
    }
}
