package org.openscis.bench.load;

import java.io.PrintWriter;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The once-a-second progress line: totals so far and the latency percentiles of the last interval. */
final class ProgressPrinter implements Runnable {

    private static final double MICROS_PER_MILLI = 1_000.0;
    private static final double NANOS_PER_SECOND = 1e9;

    private final String label;
    private final LoadStats stats;
    private final PrintWriter out;
    private final long startNanos;

    ProgressPrinter(String label, LoadStats stats, PrintWriter out, long startNanos) {
        this.label = label;
        this.stats = stats;
        this.out = out;
        this.startNanos = startNanos;
    }

    @Override
    public void run() {
        Histogram last = stats.intervalHistogram();
        double elapsed = Math.max(0, (System.nanoTime() - startNanos) / NANOS_PER_SECOND);
        out.println(line(label, elapsed, stats.sent(), stats.finished() - stats.errors(), stats.errors(),
                stats.outstanding(), last));
        out.flush();
    }

    static String line(String label, double elapsedSeconds, long sent, long completed, long errors, long inFlight,
            Histogram last) {
        String latency = last.getTotalCount() == 0 ? "p50 -  p99 -"
                : String.format(Locale.ROOT, "p50 %.2f ms  p99 %.2f ms", last.getValueAtPercentile(50)
                        / MICROS_PER_MILLI, last.getValueAtPercentile(99) / MICROS_PER_MILLI);
        return String.format(Locale.ROOT, "[%s %5.1fs] sent %d  completed %d  errors %d  in flight %d  %s (last 1s)",
                label, elapsedSeconds, sent, completed, errors, inFlight, latency);
    }
}
