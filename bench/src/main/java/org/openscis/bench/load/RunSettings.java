package org.openscis.bench.load;

/**
 * What a load run was asked to do, as printed in its report.
 *
 * @param rate            requests per second, offered open-loop
 * @param connections     keep-alive connections to the switch (each carries one request at a time)
 * @param senders         threads building and signing requests on schedule
 * @param tokens          enrolments made in the warm-up for the inquiries to use
 * @param jweProfile      what the generator encrypts cvmInfo with
 */
public record RunSettings(String baseUrl, Mix mix, double rate, int durationSeconds, int warmupSeconds,
        int connections, int senders, int tokens, String jweProfile) {}
