package org.openscis.bench.load;

/**
 * One mix's measured phase and everything observed alongside it.
 *
 * @param ceiling    the crypto-only ceiling for this mix, measured after the load phases; null if not measured
 * @param cpu        machine and generator CPU during the phase
 * @param switchView the switch's meters during the phase; null when not scraped ({@code --no-metrics})
 * @param callbacks  callbacks received during the phase; null without a callback receiver
 */
public record MixRun(Mix mix, PhaseResult load, CeilingResult ceiling, CpuMeter.Use cpu,
        SwitchObservation switchView, CallbackCounter.Counts callbacks) {

    /** Approved requests per second as a share of the crypto-only ceiling (0 when there is no ceiling). */
    public double ceilingRatio() {
        return ceiling == null || ceiling.requestsPerSecond() <= 0 ? 0
                : load.approvedPerSecond() / ceiling.requestsPerSecond();
    }

    MixRun withCeiling(CeilingResult measured) {
        return new MixRun(mix, load, measured, cpu, switchView, callbacks);
    }
}
