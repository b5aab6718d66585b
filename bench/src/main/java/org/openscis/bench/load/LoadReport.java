package org.openscis.bench.load;

import java.time.Instant;
import java.util.List;

/**
 * Everything a load run measured: settings, machine, the load phase and the crypto-only ceiling from the same run.
 *
 * @param tokensEnrolled tokens the warm-up created for the inquiries
 * @param notes          anything the reader must know to trust the numbers (e.g. no tokens, unfinished requests)
 */
public record LoadReport(Instant startedAt, RunSettings settings, MachineInfo machine, int tokensEnrolled,
        PhaseResult load, CeilingResult ceiling, List<String> notes) {

    public LoadReport {
        notes = List.copyOf(notes);
    }

    /** Approved requests per second as a share of the crypto-only ceiling (0 when there is no ceiling). */
    public double ceilingRatio() {
        return ceiling == null || ceiling.requestsPerSecond() <= 0 ? 0
                : load.approvedPerSecond() / ceiling.requestsPerSecond();
    }
}
