package org.openscis.bench.load;

/**
 * What a load run was asked to do, as printed in its report.
 *
 * @param mix           the measured mix
 * @param versus        the mix measured after it at the same rate for comparison, or null
 * @param rate          requests per second, offered open-loop
 * @param rounds        rounds each mix's measured duration was split into (alternating with the other mix)
 * @param connections   keep-alive connections to the switch (each carries one request at a time)
 * @param senders       threads building and signing requests on schedule
 * @param tokens        enrolments made in the warm-up for the token-based requests
 * @param jweProfile    what the generator encrypts cvmInfo and creditAccountInfo with
 * @param accounts      the CBS accounts the run enrols, e.g. {@code 100000000001..100000000500}
 * @param embeddedCbs   whether the switch runs the embedded CBS simulator (its crypto counts in the ceiling)
 * @param callbackUrl   where the generator received callbacks, or null when it did not listen
 * @param metricsUrl    the switch's metrics the generator scraped, or null when it did not
 */
public record RunSettings(String baseUrl, Mix mix, Mix versus, double rate, int durationSeconds, int warmupSeconds,
        int rounds, int connections, int senders, int tokens, String jweProfile, String accounts, boolean embeddedCbs,
        String callbackUrl, String metricsUrl) {}
