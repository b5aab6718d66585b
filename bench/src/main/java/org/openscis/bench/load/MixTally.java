package org.openscis.bench.load;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One mix of a run, measured in one or more rounds (alternating with the comparison mix, so that a machine whose
 * background load drifts during the run treats both mixes alike): the discarded warm-up before its first round,
 * then each round's requests, CPU, switch meters and callbacks, added up into one {@link MixRun}.
 */
final class MixTally {

    private final Mix mix;
    private final OpenLoopRunner runner;
    private final MetricsScraper scraper;
    private final CallbackCounter callbacks;
    private final LoadStats stats;
    private final CpuMeter cpu;
    private final List<SwitchObservation> views = new ArrayList<>();
    private final List<CallbackCounter.Counts> received = new ArrayList<>();
    private double elapsedSeconds;
    private boolean warm;

    /**
     * {@code scraper} and {@code callbacks} may be null (not observed, not received); {@code switchPid} is -1 when
     * the switch's process is not known.
     */
    MixTally(Mix mix, OpenLoopRunner runner, MetricsScraper scraper, CallbackCounter callbacks, long switchPid) {
        this.mix = mix;
        this.cpu = new CpuMeter(switchPid);
        this.runner = runner;
        this.scraper = scraper;
        this.callbacks = callbacks;
        this.stats = new LoadStats(mix);
    }

    Mix mix() {
        return mix;
    }

    /** One measured round; the first one is preceded by {@code warmup} of discarded load. */
    void round(Duration warmup, Duration duration, String label, PrintWriter out) throws InterruptedException {
        if (!warm && !warmup.isZero()) {
            PhaseResult w = runner.run("warm-up " + mix.text(), warmup, out);
            out.printf(Locale.ROOT, "warm-up done: %d responses, %d without response%n", w.responses(), w.errors());
        }
        warm = true;
        if (callbacks != null) {
            callbacks.takeCounts();
        }
        SwitchSampler sampler = scraper == null ? null : new SwitchSampler(scraper);
        if (sampler != null) {
            sampler.start();
        }
        cpu.start();
        elapsedSeconds += runner.runInto(stats, label, duration, out);
        cpu.stop();
        if (sampler != null) {
            SwitchObservation view = sampler.stop();
            if (!view.observed()) {
                out.println("switch metrics not observed: " + view.problem());
            }
            views.add(view);
        }
        if (callbacks != null) {
            received.add(callbacks.takeCounts());
        }
    }

    /** The rounds so far as one measured phase (ceiling not yet measured). */
    MixRun result() {
        return new MixRun(mix, stats.result(elapsedSeconds), null, cpu.use(),
                scraper == null ? null : SwitchObservation.merge(views),
                callbacks == null ? null : CallbackCounter.Counts.merge(received));
    }
}
