package org.openscis.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Renders a {@link LoadReport} as Markdown and writes it to {@code <dir>/<date>-<mix>[-vs-<mix>]-at-<rate>rps.md}. */
public final class ReportWriter {

    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TITLE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final double BYTES_PER_GIB = 1024.0 * 1024 * 1024;
    private static final double PERCENT = 100.0;
    /** Never overwrite an earlier report: add -2, -3... up to this many. */
    private static final int MAX_SAME_NAME = 100;

    private ReportWriter() {}

    /** E.g. {@code 2026-11-25-2040-bill_payment-50_p2p_transfer-50-vs-card_status_inquiry-80-at-100rps.md}. */
    public static String fileName(LoadReport report) {
        RunSettings s = report.settings();
        return FILE_DATE.format(report.startedAt()) + "-" + s.mix().slug()
                + (s.versus() == null ? "" : "-vs-" + s.versus().slug()) + "-at-" + num(s.rate()) + "rps.md";
    }

    /** Writes the report into {@code dir} (created if missing) under {@link #fileName}; returns the file. */
    public static Path write(LoadReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = fileName(report);
        String base = name.substring(0, name.length() - ".md".length());
        String text = markdown(report);
        for (int i = 1; i <= MAX_SAME_NAME; i++) {
            Path file = dir.resolve(i == 1 ? name : base + "-" + i + ".md");
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return file;
            } catch (FileAlreadyExistsException e) {
                // try the next suffix
            }
        }
        throw new IOException("more than " + MAX_SAME_NAME + " reports named " + name + " in " + dir);
    }

    public static String markdown(LoadReport r) {
        RunSettings s = r.settings();
        StringBuilder md = new StringBuilder();
        md.append("# Load run: ").append(s.mix().text()).append(" at ").append(num(s.rate())).append(" req/s");
        if (s.versus() != null) {
            md.append(", side by side with ").append(s.versus().text());
        }
        md.append("\n\n");
        md.append("Started ").append(TITLE_DATE.format(r.startedAt())).append(" against `").append(s.baseUrl())
                .append("`: ").append(s.durationSeconds()).append(" s measured after ").append(s.warmupSeconds())
                .append(" s warm-up");
        if (s.versus() != null) {
            md.append(" for each mix, ").append(s.mix().text()).append(" first");
        }
        if (s.rounds() > 1) {
            md.append(", measured in ").append(s.rounds()).append(s.versus() != null
                    ? " rounds per mix, the mixes alternating round by round" : " rounds");
        }
        md.append(", ").append(s.connections()).append(" keep-alive connections, ").append(s.senders())
                .append(" sender threads, ").append(r.tokensEnrolled()).append(" warm-up tokens (CARD_ENROLLMENT of ")
                .append("CBS accounts ").append(s.accounts()).append("), JWE ").append(s.jweProfile()).append(", ")
                .append(s.embeddedCbs() ? "embedded CBS" : "remote CBS").append(". Callbacks: ")
                .append(s.callbackUrl() == null ? "not received by the generator" : "received at `"
                        + s.callbackUrl() + "`").append(". Switch metrics: ")
                .append(s.metricsUrl() == null ? "not scraped" : "`" + s.metricsUrl() + "`").append('.');
        if (r.cleanUp() != null) {
            md.append(" Clean-up: ").append(r.cleanUp()).append('.');
        }
        md.append("\n\n");

        appendMachine(md, r);
        if (r.versus() != null) {
            appendSideBySide(md, r);
        }
        appendMixRun(md, r.main(), s.rate(), "##", r.main().mix().text());
        if (r.versus() != null) {
            md.append("## Comparison mix: ").append(r.versus().mix().text()).append("\n\n");
            appendMixRun(md, r.versus(), s.rate(), "###", r.versus().mix().text());
        }

        if (!r.notes().isEmpty()) {
            md.append("## Notes\n\n");
            for (String note : r.notes()) {
                md.append("- ").append(note).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void appendMachine(StringBuilder md, LoadReport r) {
        md.append("## Machine\n\n");
        MachineInfo m = r.machine();
        md.append("| Cores | Memory | CPU | JVM | OS | Crypto provider |\n|---|---|---|---|---|---|\n");
        md.append("| ").append(m.cores()).append(" | ").append(memory(m.memoryBytes())).append(" | ").append(cell(m.cpu()))
                .append(" | ").append(cell(m.jvm())).append(" | ").append(cell(m.os())).append(" | ")
                .append(cell(m.cryptoProvider())).append(" |\n\n");
        md.append("The load generator and the switch share this machine; on 2 noisy cores compare only ratios "
                + "measured side by side in one run.");
        if (r.loadAverageAtStart() >= 0) {
            md.append(" Load average (1 min) before the run: ")
                    .append(String.format(Locale.ROOT, "%.2f", r.loadAverageAtStart()))
                    .append(r.loadAverageAtStart() > m.cores() / 2.0
                            ? " (above half the cores: something else was running, or a run had just ended)" : "")
                    .append('.');
        }
        md.append("\n\n");
    }

    /** The two mixes' headline numbers and their ratios, first in the report because that is what to quote. */
    private static void appendSideBySide(StringBuilder md, LoadReport r) {
        MixRun a = r.main();
        MixRun b = r.versus();
        md.append("## Side by side (same switch, same rate, ").append(r.settings().rounds() > 1
                ? "alternating rounds" : "one after the other").append(")\n\n");
        md.append("| Mix | Approved/s | No response | p50 (ms) | p99 (ms) | Crypto ceiling (req/s) | Approved / ceiling "
                + "| Switch CPU per response (ms) | CBS calls/s | CBS in flight max (peak) | CBS connections max (peak) "
                + "| Machine busy |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        sideBySideRow(md, a);
        sideBySideRow(md, b);
        md.append('\n');
        md.append("Ratios (").append(a.mix().text()).append(" / ").append(b.mix().text()).append("): approved/s ")
                .append(ratio(a.load().approvedPerSecond(), b.load().approvedPerSecond())).append(", p50 ")
                .append(ratio(a.load().overall().p50Ms(), b.load().overall().p50Ms())).append(", p99 ")
                .append(ratio(a.load().overall().p99Ms(), b.load().overall().p99Ms())).append(", switch CPU per response ")
                .append(ratio(millisPerResponse(a), millisPerResponse(b))).append(", crypto ceiling ")
                .append(ratio(a.ceiling() == null ? 0 : a.ceiling().requestsPerSecond(),
                        b.ceiling() == null ? 0 : b.ceiling().requestsPerSecond()))
                .append(". Below saturation both mixes are approved at the offered rate and the latencies tell them "
                        + "apart; at or beyond it, approved/s is the capacity ratio.\n\n");
    }

    private static void sideBySideRow(StringBuilder md, MixRun run) {
        PhaseResult load = run.load();
        LinkObservation cbs = cbsLink(run.switchView());
        md.append("| ").append(run.mix().text()).append(" | ").append(num(load.approvedPerSecond())).append(" | ")
                .append(load.errors()).append(" | ").append(ms(load.overall().p50Ms())).append(" | ")
                .append(ms(load.overall().p99Ms())).append(" | ")
                .append(run.ceiling() == null ? "-" : num(run.ceiling().requestsPerSecond())).append(" | ")
                .append(String.format(Locale.ROOT, "%.2f", run.ceilingRatio())).append(" | ")
                .append(switchMillis(run)).append(" | ")
                .append(cbs == null ? "-" : num(cbs.calls() / load.elapsedSeconds())).append(" | ")
                .append(cbs == null ? "-" : cbs.inFlightMax() + peak(cbs.inFlightPeak())).append(" | ")
                .append(cbs == null ? "-" : cbs.connectionsMax() + peak(cbs.connectionsPeak())).append(" | ")
                .append(percent(run.cpu() == null ? -1 : run.cpu().machineBusy())).append(" |\n");
    }

    private static void appendMixRun(StringBuilder md, MixRun run, double rate, String h, String label) {
        PhaseResult load = run.load();
        md.append(h).append(" Throughput\n\n");
        md.append("| Offered (req/s) | Sent | Responses | Approved | No response | Elapsed (s) | Responses/s | "
                + "Approved/s |\n|---|---|---|---|---|---|---|---|\n");
        md.append("| ").append(num(rate)).append(" | ").append(load.sent()).append(" | ")
                .append(load.responses()).append(" | ").append(load.approved()).append(" | ").append(load.errors())
                .append(" | ").append(num(load.elapsedSeconds())).append(" | ").append(num(load.responsesPerSecond()))
                .append(" | ").append(num(load.approvedPerSecond())).append(" |\n\n");
        md.append("| Message type | Sent | Responses | Approved | Approved/s | Bad signature | No response |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (TypeResult t : load.types()) {
            md.append("| ").append(t.type()).append(" | ").append(t.sent()).append(" | ").append(t.responses())
                    .append(" | ").append(t.approved()).append(" | ")
                    .append(num(load.elapsedSeconds() <= 0 ? 0 : t.approved() / load.elapsedSeconds())).append(" | ")
                    .append(t.badSignatures()).append(" | ").append(t.errorCount()).append(" |\n");
        }
        md.append('\n');
        if (load.unfinished() > 0) {
            md.append(load.unfinished()).append(" requests were still unanswered when the run stopped waiting.\n\n");
        }
        md.append("Generator send lag (how late requests left compared with their intended time): p99 ")
                .append(ms(load.sendLag().p99Ms())).append(" ms, max ").append(ms(load.sendLag().maxMs()))
                .append(" ms. A large lag means the generator, not the switch, was the limit.");
        if (run.cpu() != null && run.cpu().machineBusy() >= 0) {
            md.append(" CPU during the phase (share of all cores): machine ").append(percent(run.cpu().machineBusy()))
                    .append(" busy, the generator ").append(percent(run.cpu().generator()));
            if (run.cpu().switchProcess() >= 0) {
                md.append(", the switch ").append(percent(run.cpu().switchProcess())).append(" (")
                        .append(switchMillis(run)).append(" ms CPU per response), anything else ")
                        .append(percent(Math.max(0, run.cpu().others() - run.cpu().switchProcess())));
            } else {
                md.append(", the switch and anything else ").append(percent(run.cpu().others()));
            }
            md.append('.');
        }
        md.append("\n\n");

        appendCeiling(md, run, h);
        appendLatency(md, load, h);
        appendCodes(md, load, h);

        md.append(h).append(" HTTP status\n\n| Status | Count |\n|---|---|\n");
        if (load.httpStatuses().isEmpty()) {
            md.append("| - | 0 |\n");
        }
        new TreeMap<>(load.httpStatuses()).forEach((status, count) ->
                md.append("| ").append(status).append(" | ").append(count).append(" |\n"));
        md.append('\n');

        appendSwitchView(md, run.switchView(), load.elapsedSeconds(), h, label);
        appendCallbacks(md, run.callbacks(), h);
    }

    private static void appendCeiling(StringBuilder md, MixRun run, String h) {
        md.append(h).append(" Crypto-only ceiling\n\n");
        CeilingResult c = run.ceiling();
        if (c == null) {
            md.append("Not measured.\n\n");
            return;
        }
        md.append("Measured in this run after the load phases: the switch's per-request cryptography alone (the "
                + "operations below, see `CryptoCeiling`) in a tight loop on ").append(c.threads())
                .append(" threads for ").append(num(c.seconds())).append(" s. Keys: ").append(c.keys()).append(".\n\n");
        md.append("| Message type | Operations per request | Ceiling (req/s) |\n|---|---|---|\n");
        for (Mix.Entry e : run.mix().entries()) {
            Double perType = c.perType().get(e.type());
            String recipe = c.recipes().get(e.type());
            md.append("| ").append(e.type()).append(" | ").append(recipe == null ? "-" : recipe).append(" | ")
                    .append(perType == null ? "-" : num(perType)).append(" |\n");
        }
        md.append("| **mix ").append(run.mix().text()).append("** | | **").append(num(c.requestsPerSecond()))
                .append("** |\n\n");
        md.append("**Approved throughput / crypto-only ceiling: ")
                .append(String.format(Locale.ROOT, "%.2f", run.ceilingRatio())).append("** (")
                .append(num(run.load().approvedPerSecond())).append(" / ").append(num(c.requestsPerSecond()))
                .append(" req/s).\n\n");
    }

    private static void appendLatency(StringBuilder md, PhaseResult load, String h) {
        md.append(h).append(" Latency (ms, from the intended send time)\n\n");
        md.append("| Message type | Responses | p50 | p90 | p99 | p99.9 | max |\n|---|---|---|---|---|---|---|\n");
        for (TypeResult t : load.types()) {
            latencyRow(md, t.type().name(), t.latency());
        }
        if (load.types().size() > 1) {
            latencyRow(md, "all", load.overall());
        }
        md.append('\n');
    }

    private static void latencyRow(StringBuilder md, String name, LatencySummary l) {
        md.append("| ").append(name).append(" | ").append(l.count()).append(" | ").append(ms(l.p50Ms()))
                .append(" | ").append(ms(l.p90Ms())).append(" | ").append(ms(l.p99Ms())).append(" | ")
                .append(ms(l.p999Ms())).append(" | ").append(ms(l.maxMs())).append(" |\n");
    }

    private static void appendCodes(StringBuilder md, PhaseResult load, String h) {
        md.append(h).append(" Response codes\n\n`-` is a response without msgResponse.responseCode; requests without "
                + "any response are listed by cause.\n\n| Message type | Response code | Count |\n|---|---|---|\n");
        for (TypeResult t : load.types()) {
            Map<String, Long> codes = new TreeMap<>(t.responseCodes());
            t.errors().forEach((kind, count) -> codes.put("no response: " + kind, count));
            if (codes.isEmpty()) {
                md.append("| ").append(t.type()).append(" | - | 0 |\n");
            }
            codes.forEach((code, count) -> md.append("| ").append(t.type()).append(" | ").append(code)
                    .append(" | ").append(count).append(" |\n"));
        }
        md.append('\n');
    }

    private static void appendSwitchView(StringBuilder md, SwitchObservation v, double seconds, String h,
            String label) {
        md.append(h).append(" Switch side: outbound links, workers, callback outbox\n\n");
        if (v == null) {
            md.append("Not scraped (`--no-metrics`).\n\n");
            return;
        }
        if (!v.observed()) {
            md.append("Not observed: ").append(cell(v.problem())).append(" (").append(v.failedSamples())
                    .append(" scrapes failed). Pass `--admin-url` with the switch's admin listener.\n\n");
            return;
        }
        md.append("From the switch's `/metrics` during the ").append(label).append(" phase: ").append(v.samples())
                .append(" scrapes, about one a second").append(v.failedSamples() > 0 ? ", " + v.failedSamples()
                        + " failed" : "").append(". Counts are the difference between the first and the last scrape; "
                        + "\"max\" is the highest sampled value; \"peak\" is the link's own highest value since the "
                        + "switch started (it includes the warm-ups and earlier runs, and catches bursts between "
                        + "samples).\n\n");
        md.append("| Link | Calls | Calls/s | Answered | Not sent | No answer | Mean answered (ms) | Connections max "
                + "| Connections peak | In flight max | In flight peak | Queued max | Errors |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        if (v.links().isEmpty()) {
            md.append("| - | 0 | | | | | | | | | | | |\n");
        }
        for (LinkObservation l : v.links()) {
            StringBuilder errors = new StringBuilder();
            l.errors().forEach((k, n) -> errors.append(errors.length() == 0 ? "" : ", ").append(k).append(' ')
                    .append(n));
            md.append("| ").append(cell(l.link())).append(" | ").append(l.calls()).append(" | ")
                    .append(num(seconds <= 0 ? 0 : l.calls() / seconds)).append(" | ").append(l.answered())
                    .append(" | ").append(l.notSent()).append(" | ").append(l.noAnswer()).append(" | ")
                    .append(ms(l.answeredMeanMs())).append(" | ").append(l.connectionsMax()).append(" | ")
                    .append(l.connectionsPeak() < 0 ? "-" : Integer.toString(l.connectionsPeak())).append(" | ")
                    .append(l.inFlightMax()).append(" | ")
                    .append(l.inFlightPeak() < 0 ? "-" : Integer.toString(l.inFlightPeak())).append(" | ")
                    .append(l.queuedMax()).append(" | ").append(errors.length() == 0 ? "-" : cell(errors.toString()))
                    .append(" |\n");
        }
        md.append('\n');
        md.append("Workers: at most ").append(num(v.workersActiveMax())).append(" handlers running, ")
                .append(num(v.workersQueueMax())).append(" requests waiting for one. Callback outbox: at most ")
                .append(num(v.callbacksPendingMax())).append(" pending, ").append(num(v.callbacksPendingEnd()))
                .append(" at the end; ").append(v.callbacksDelivered()).append(" delivered, ")
                .append(v.callbacksRetried()).append(" attempts failed and rescheduled.\n\n");
    }

    private static void appendCallbacks(StringBuilder md, CallbackCounter.Counts c, String h) {
        if (c == null) {
            return;
        }
        md.append(h).append(" Callbacks received by the generator\n\n");
        md.append("At `").append(c.url()).append("`, during the phase: ").append(c.total()).append(" (")
                .append(c.invalid()).append(" with an invalid signature, ").append(c.duplicate())
                .append(" duplicates).\n\n| Callback | Count |\n|---|---|\n");
        if (c.byType().isEmpty()) {
            md.append("| - | 0 |\n");
        }
        new TreeMap<>(c.byType()).forEach((type, n) -> md.append("| ").append(cell(type)).append(" | ").append(n)
                .append(" |\n"));
        md.append('\n');
    }

    /** The CBS link among a phase's links (named {@code cbs-<iin>}); the first one if there are several. */
    static LinkObservation cbsLink(SwitchObservation v) {
        if (v == null || !v.observed()) {
            return null;
        }
        return v.links().stream().filter(l -> l.link().startsWith("cbs-")).findFirst().orElse(null);
    }

    private static double millisPerResponse(MixRun run) {
        return run.cpu() == null ? -1 : run.cpu().switchMillisPer(run.load().responses());
    }

    private static String switchMillis(MixRun run) {
        double ms = millisPerResponse(run);
        return ms < 0 ? "-" : ms(ms);
    }

    private static String peak(int peak) {
        return peak < 0 ? "" : " (" + peak + ")";
    }

    private static String ratio(double a, double b) {
        return a < 0 || b <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    private static String percent(double share) {
        return share < 0 ? "-" : String.format(Locale.ROOT, "%.0f %%", share * PERCENT);
    }

    private static String num(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String memory(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", bytes / BYTES_PER_GIB);
    }

    /** Table cells must not break the table. */
    private static String cell(String text) {
        return text == null ? "" : text.replace('|', '/').replace('\n', ' ');
    }
}
