package org.openscis.bench.load;

import java.util.List;
import java.util.Map;

/**
 * One load phase: per type results, HTTP status counts over all types and the wall time from the first intended
 * send to the last response (at least the scheduled duration).
 *
 * @param unfinished requests still without response or error when the phase gave up waiting for them
 * @param sendLag    how late requests were handed to the client compared with their intended time: large values
 *                   mean the generator itself (signing, encrypting) could not keep up with the rate
 * @param overall    latency of all responses of the phase, whatever their type
 */
public record PhaseResult(double elapsedSeconds, List<TypeResult> types, Map<Integer, Long> httpStatuses,
        long unfinished, LatencySummary sendLag, LatencySummary overall) {

    public PhaseResult {
        types = List.copyOf(types);
        httpStatuses = Map.copyOf(httpStatuses);
    }

    public long sent() {
        return types.stream().mapToLong(TypeResult::sent).sum();
    }

    public long responses() {
        return types.stream().mapToLong(TypeResult::responses).sum();
    }

    public long approved() {
        return types.stream().mapToLong(TypeResult::approved).sum();
    }

    public long errors() {
        return types.stream().mapToLong(TypeResult::errorCount).sum();
    }

    public double responsesPerSecond() {
        return elapsedSeconds <= 0 ? 0 : responses() / elapsedSeconds;
    }

    public double approvedPerSecond() {
        return elapsedSeconds <= 0 ? 0 : approved() / elapsedSeconds;
    }
}
