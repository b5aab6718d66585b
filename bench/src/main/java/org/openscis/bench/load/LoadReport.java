package org.openscis.bench.load;

import java.time.Instant;
import java.util.List;

/**
 * Everything a load run measured: settings, machine, the measured mix and, when asked for, a second mix at the same
 * rate right after it on the same switch (side by side), each with its crypto-only ceiling from the same run.
 *
 * @param loadAverageAtStart the machine's 1-minute load average before the run (-1 unknown): well above 0 means
 *                           something else was running
 * @param tokensEnrolled     tokens the warm-up created for the token-based requests
 * @param versus             the comparison mix, or null
 * @param cleanUp            what deleting the warm-up tokens answered, or null when they were kept
 * @param notes              anything the reader must know to trust the numbers (e.g. unfinished requests)
 */
public record LoadReport(Instant startedAt, RunSettings settings, MachineInfo machine, double loadAverageAtStart,
        int tokensEnrolled, MixRun main, MixRun versus, String cleanUp, List<String> notes) {

    public LoadReport {
        notes = List.copyOf(notes);
    }

    /** The main mix's approved throughput as a share of its crypto-only ceiling. */
    public double ceilingRatio() {
        return main.ceilingRatio();
    }
}
